package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a audit event. */
public record AuditEventId(UUID value) implements EntityId {

    public AuditEventId {
        EntityId.requireValue(value);
    }

    public static AuditEventId random() {
        return new AuditEventId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
