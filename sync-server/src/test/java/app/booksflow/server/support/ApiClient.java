package app.booksflow.server.support;

import app.booksflow.json.BooksFlowJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP against a running server, as a device or a browser would talk to it. */
public final class ApiClient {

    /** An answer: status, headers and the body (as JSON when it is JSON). */
    public record Response(int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    /** An answer whose body is bytes (a file), not text. */
    public record Download(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        public String header(String name) {
            return new Response(status, headers, "").header(name);
        }
    }

    static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, byte[] body, String contentType) {
        return send(builder(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response sendJson(String method, String path, Object body) {
        return post(method, path, body, Map.of());
    }

    /** @param body a String is sent as it is (to send malformed JSON), anything else as JSON */
    public Response post(String method, String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : write(body);
        HttpRequest.Builder builder = builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any method with any headers and body; the body publisher decides whether a Content-Length is sent. */
    public Response send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = builder(path).method(method, body);
        headers.forEach(builder::header);
        return send(builder);
    }

    public Download download(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path).GET();
        headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
