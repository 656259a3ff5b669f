package app.booksflow.desktop.sync;

/** Why talking to the server failed, in words for the accountant, and whether trying again can help. */
public final class SyncException extends RuntimeException {

    public enum Kind {
        /** The server could not be reached or the connection broke: try again later. */
        OFFLINE,
        /** The sign-in is no longer valid: sign in again. */
        SIGNED_OUT,
        /** The server refused the request for good (4xx): trying again changes nothing. */
        REFUSED,
        /** The server failed (5xx) or answered something unreadable: try again later. */
        SERVER
    }

    private final Kind kind;
    private final int status;
    private final String code;

    public SyncException(Kind kind, int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /**
     * Whether the same request may succeed later: connection or server trouble, too many requests, or
     * a body the server stopped waiting for (408, nothing changed).
     */
    public boolean isTransient() {
        return kind == Kind.OFFLINE || kind == Kind.SERVER || status == 429 || status == 408;
    }
}
