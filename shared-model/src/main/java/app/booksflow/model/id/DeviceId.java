package app.booksflow.model.id;

import java.util.UUID;

/** Identifies a device. */
public record DeviceId(UUID value) implements EntityId {

    public DeviceId {
        EntityId.requireValue(value);
    }

    public static DeviceId random() {
        return new DeviceId(Uuid7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
