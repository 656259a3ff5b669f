package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a client. */
public record ClientId(UUID value) implements EntityId {

    public ClientId {
        EntityId.requireValue(value);
    }

    public static ClientId random() {
        return new ClientId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
