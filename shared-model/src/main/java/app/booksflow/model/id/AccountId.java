package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a account. */
public record AccountId(UUID value) implements EntityId {

    public AccountId {
        EntityId.requireValue(value);
    }

    public static AccountId random() {
        return new AccountId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
