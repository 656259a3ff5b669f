package app.booksflow.model.id;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** A typed identifier: a UUID that cannot be mixed up with the id of another kind of entity. */
public interface EntityId {

    UUID value();

    /** Checks the value of a new id; called from each id record's constructor. */
    static void requireValue(UUID value) {
        Objects.requireNonNull(value, "id value");
    }

    /** Parses an id typed in by a person or read from a URL, with a clear message when it is not one. */
    static <T extends EntityId> T parse(String text, Function<UUID, T> constructor) {
        if (text == null || text.isBlank()) {
            throw new DomainException(DomainError.REQUIRED, "An id is required.");
        }
        try {
            return constructor.apply(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainError.INVALID_FORMAT, "'" + text + "' is not a valid id.", e);
        }
    }
}
