package app.booksflow.server.sync;

/** Why one mutation is refused; becomes a {@code rejected} outcome, never an HTTP error. */
final class Rejection extends Exception {

    private final String code;

    Rejection(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
