package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a receipt. */
public record ReceiptId(UUID value) implements EntityId {

    public ReceiptId {
        EntityId.requireValue(value);
    }

    public static ReceiptId random() {
        return new ReceiptId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
