package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a user. */
public record UserId(UUID value) implements EntityId {

    public UserId {
        EntityId.requireValue(value);
    }

    public static UserId random() {
        return new UserId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
