package app.booksflow.desktop.store;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;

/**
 * The books' file is damaged: H2 cannot open it or read part of it, or it holds none of its tables beside a
 * safety copy of them (ADR 0041). The message says what was found, for the user.
 */
public final class DamagedBooksException extends RuntimeException {

    public DamagedBooksException(String message) {
        super(message);
    }

    /**
     * Whether the failure, or one of its causes, is damage to the books' file rather than, say, a folder that
     * cannot be written or books that another window holds: this one, or H2's file or page errors.
     */
    public static boolean isDamage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DamagedBooksException || cause instanceof MVStoreException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1 && String.valueOf(sql.getMessage())
                            .contains("MVStoreException"))) {
                return true;
            }
        }
        return false;
    }
}
