package app.booksflow.server.cli;

/** Something the admin can put right (a wrong option, an unknown email, a database that is not empty): one line, no stack trace. */
public final class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
