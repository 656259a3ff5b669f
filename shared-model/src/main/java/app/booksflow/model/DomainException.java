package app.booksflow.model;

import java.util.Objects;

/**
 * A rule of the books was broken. The message is written for the accountant who typed the value;
 * the code is stable and machine-readable, so the server can send it back as a rejection reason
 * and the desktop can show the message next to the field.
 */
public final class DomainException extends IllegalArgumentException {

    private final DomainError error;

    public DomainException(DomainError error, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.error = Objects.requireNonNull(error, "error");
    }

    public DomainException(DomainError error, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DomainError error() {
        return error;
    }

    /** The stable code sent over the wire, for example {@code SPLITS_UNBALANCED}. */
    public String code() {
        return error.name();
    }
}
