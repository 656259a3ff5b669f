package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a transaction. */
public record TransactionId(UUID value) implements EntityId {

    public TransactionId {
        EntityId.requireValue(value);
    }

    public static TransactionId random() {
        return new TransactionId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
