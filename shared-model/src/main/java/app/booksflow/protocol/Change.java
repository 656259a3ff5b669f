package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One committed change of a client's data, as pulled by devices, in the server's commit order. It
 * names the mutation and device it came from, so a device can recognise its own changes coming back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Change(ClientId clientId, EntityType entityType, UUID entityId, ChangeKind kind, long version,
        JsonNode payload, MutationId mutationId, DeviceId deviceId, Instant committedAt) {

    public Change {
        Checks.required(clientId, "The client id");
        Checks.required(entityType, "The entity type");
        Checks.required(entityId, "The entity id");
        Checks.required(kind, "The kind of change");
        if (version < 1) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A version starts at 1; got " + version + ".");
        }
        if (kind == ChangeKind.UPSERT && (payload == null || !payload.isObject())) {
            throw new DomainException(DomainError.REQUIRED, "An upsert of " + entityType + " " + entityId + " needs its payload object.");
        }
        if (kind == ChangeKind.TOMBSTONE) {
            payload = null;
        }
        Checks.required(mutationId, "The mutation id");
        Checks.required(deviceId, "The device id");
        Checks.required(committedAt, "The commit time");
    }
}
