package app.booksflow.server.backup;

/** A backup cannot be written or restored, for a reason the admin can act on; the message says which. */
public final class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
