package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a tax code. */
public record TaxCodeId(UUID value) implements EntityId {

    public TaxCodeId {
        EntityId.requireValue(value);
    }

    public static TaxCodeId random() {
        return new TaxCodeId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
