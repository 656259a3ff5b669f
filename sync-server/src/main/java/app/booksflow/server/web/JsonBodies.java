package app.booksflow.server.web;

import app.booksflow.model.DomainException;
import app.booksflow.server.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads JSON request bodies strictly and says precisely what is wrong with a bad one. */
public final class JsonBodies {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class);

    private final ObjectMapper json;
    private final long maxBytes;

    public JsonBodies(ObjectMapper json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("Send the request body as application/json.");
        }
        if (ctx.contentLength() > maxBytes) {
            throw ApiException.tooLarge("The request body is larger than " + maxBytes + " bytes.");
        }
        try (InputStream body = ctx.bodyInputStream()) {
            T value = json.readValue(new LimitedInputStream(body, maxBytes), type);
            if (value == null) {
                throw ApiException.badRequest("MALFORMED_JSON", "The request body is empty.");
            }
            return value;
        } catch (LimitedInputStream.TooLarge e) {
            throw ApiException.tooLarge("The request body is larger than " + maxBytes + " bytes.");
        } catch (JsonProcessingException e) {
            throw badJson(e);
        } catch (IOException e) {
            throw ApiException.unreadableBody(e, "MALFORMED_JSON", "The request body could not be read.");
        }
    }

    static ApiException badJson(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return ApiException.badRequest(domain.code(), domain.getMessage());
            }
        }
        if (e instanceof ValueInstantiationException) {
            return ApiException.badRequest("INVALID_VALUE", e.getOriginalMessage());
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at " + path(mapping.getPath()) : "";
        String problem = e instanceof InvalidFormatException format && WHOLE_NUMBERS.contains(format.getTargetType())
                ? "expected a whole number, got " + format.getValue()
                : e.getOriginalMessage();
        return ApiException.badRequest("MALFORMED_JSON", "The request body is not valid" + field + ": " + problem + where);
    }

    /** Where in the body a value was refused, as a reader of the request would write it: {@code mutations[3].baseVersion}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
