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
 * One local change, as it leaves a device's outbox. Identified by (device, mutation id) so that a
 * repeated push is recognised; {@code deviceSequence} orders a device's changes; {@code baseVersion} is
 * the server version the change was made on (0 for a new entity), for the optimistic check. The device
 * time is for display only: the server orders by its own commit order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mutation(MutationId mutationId, DeviceId deviceId, long deviceSequence, ClientId clientId,
        EntityType entityType, UUID entityId, Operation operation, long baseVersion, JsonNode payload,
        Instant deviceTime) {

    public Mutation {
        Checks.required(mutationId, "The mutation id");
        Checks.required(deviceId, "The device id");
        if (deviceSequence < 1) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A device sequence number starts at 1; got " + deviceSequence + ".");
        }
        Checks.required(clientId, "The client id");
        Checks.required(entityType, "The entity type");
        Checks.required(entityId, "The entity id");
        Checks.required(operation, "The operation");
        if (baseVersion < 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A base version cannot be negative; got " + baseVersion + ".");
        }
        if (operation == Operation.UPSERT && (payload == null || !payload.isObject())) {
            throw new DomainException(DomainError.REQUIRED, "An upsert of " + entityType + " " + entityId + " needs its payload object.");
        }
        if (operation == Operation.DELETE && payload != null && !payload.isNull()) {
            throw new DomainException(DomainError.INVALID_STATE, "A delete of " + entityType + " " + entityId + " has no payload.");
        }
        if (operation == Operation.DELETE) {
            payload = null;
        }
        Checks.required(deviceTime, "The device time");
    }
}
