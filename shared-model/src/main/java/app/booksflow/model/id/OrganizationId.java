package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a organization. */
public record OrganizationId(UUID value) implements EntityId {

    public OrganizationId {
        EntityId.requireValue(value);
    }

    public static OrganizationId random() {
        return new OrganizationId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
