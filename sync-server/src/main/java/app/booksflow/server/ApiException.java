package app.booksflow.server;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * A request that cannot be served, with the HTTP status it maps to, a stable error code and a
 * message for people. Services throw these; the web layer turns them into the one error shape.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    /** Also what another practice's ids get: "not found" says nothing about whether they exist. */
    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " was not found.");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", message);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", message);
    }

    /** 503 BUSY: overload, not a fault; the answer carries Retry-After and the request changed nothing. */
    public static ApiException busy(String message) {
        return new ApiException(503, "BUSY", message);
    }

    /**
     * 503 BUSY for a request whose change committed but whose answer could not be read back for overload:
     * the answer says what was saved and how to get the result, instead of "nothing was changed".
     *
     * @param saved what was saved, for example "Transaction 0195... was saved (version 1)"
     * @param retry how to get the result
     */
    public static ApiException savedButBusy(String saved, String retry) {
        return new ApiException(503, "BUSY", "The server is busy: " + saved + ", but the server could not read it "
                + "back to answer. " + retry);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, "TOO_MANY_REQUESTS", message);
    }

    /**
     * Why a request body could not be read to its end. When the connection stayed silent longer than
     * the server waits ({@code request.idle.timeout}; under overload, often because the request waited
     * for the database before its body was read): 408, nothing was changed, send it again. When the
     * server could not keep the body in its own files (no file handles or disk left): the server's
     * failure, not the sender's, left to the unexpected-failure path (500, logged for the admin).
     * Otherwise the sender broke off or sent something unreadable: 400 with the given code.
     */
    public static RuntimeException unreadableBody(Throwable failure, String code, String message) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return new ApiException(408, "REQUEST_TIMEOUT", "The request's body stopped arriving for longer than"
                        + " the server waits; nothing was changed. Send the request again.");
            }
            if (cause instanceof FileSystemException disk) {
                return new UncheckedIOException("Cannot keep a request body in the server's files: " + disk.getMessage(),
                        disk);
            }
        }
        return badRequest(code, message);
    }
}
