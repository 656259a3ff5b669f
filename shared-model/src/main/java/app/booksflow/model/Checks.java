package app.booksflow.model;

import java.util.Collection;
import java.util.List;

/** Constructor checks shared by the domain records, each failing with a message for people. */
public final class Checks {

    private Checks() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new DomainException(DomainError.REQUIRED, field + " is required.");
        }
        return value;
    }

    /** Trims the text and refuses blank or over-long values. */
    public static String requiredText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException(DomainError.REQUIRED, field + " is required.");
        }
        return optionalText(value, field, maxLength);
    }

    /** Trims the text; null and blank become the empty string. */
    public static String optionalText(String value, String field, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > maxLength) {
            throw new DomainException(DomainError.TOO_LONG,
                    field + " is " + trimmed.length() + " characters long; at most " + maxLength + " are allowed.");
        }
        return trimmed;
    }

    /** An immutable copy that refuses null elements. */
    public static <T> List<T> immutableList(Collection<T> values, String field) {
        required(values, field);
        for (T value : values) {
            if (value == null) {
                throw new DomainException(DomainError.REQUIRED, field + " contains an empty entry.");
            }
        }
        return List.copyOf(values);
    }
}
