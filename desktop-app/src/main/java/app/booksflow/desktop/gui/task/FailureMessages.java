package app.booksflow.desktop.gui.task;

import app.booksflow.model.DomainException;
import java.util.Objects;

/** What a view model says when a background task fails: the domain's own sentence when there is one. */
public final class FailureMessages {

    private FailureMessages() {
    }

    /**
     * The message of the {@link DomainException} in the error or its causes (written for accountants),
     * or "{@code whatFailed}: reason" for anything else.
     */
    public static String of(Throwable error, String whatFailed) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain.getMessage();
            }
        }
        return whatFailed + ": " + Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName());
    }
}
