package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a mutation. */
public record MutationId(UUID value) implements EntityId {

    public MutationId {
        EntityId.requireValue(value);
    }

    public static MutationId random() {
        return new MutationId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
