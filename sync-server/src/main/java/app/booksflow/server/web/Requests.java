package app.booksflow.server.web;

import app.booksflow.model.DomainException;
import app.booksflow.model.id.EntityId;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads the caller and the query and path parameters, refusing malformed ones with a clear 400. */
final class Requests {

    static final String CALLER = "booksflow.caller";

    private Requests() {
    }

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw ApiException.unauthorized("Sign in first: the request has no valid token.");
        }
        return caller;
    }

    static <T extends EntityId> T requiredId(Context ctx, String param, Function<UUID, T> constructor) {
        return optionalId(ctx, param, constructor)
                .orElseThrow(() -> ApiException.badRequest("MISSING_PARAMETER", "The parameter '" + param + "' is required."));
    }

    static <T extends EntityId> Optional<T> optionalId(Context ctx, String param, Function<UUID, T> constructor) {
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parseId(param, value, constructor));
    }

    /** A form field of a multipart or urlencoded body. */
    static <T extends EntityId> Optional<T> formId(Context ctx, String param, Function<UUID, T> constructor) {
        String value = ctx.formParam(param);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parseId(param, value, constructor));
    }

    static <T extends EntityId> T pathId(Context ctx, String param, Function<UUID, T> constructor) {
        return parseId(param, ctx.pathParam(param), constructor);
    }

    private static <T extends EntityId> T parseId(String param, String value, Function<UUID, T> constructor) {
        try {
            return EntityId.parse(value, constructor);
        } catch (DomainException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "The parameter '" + param + "' is not a valid id.");
        }
    }

    static int intParam(Context ctx, String param, int fallback) {
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "The parameter '" + param + "' must be a whole number.");
        }
    }

    static Duration secondsParam(Context ctx, String param) {
        return Duration.ofSeconds(intParam(ctx, param, 0));
    }

    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
