package app.booksflow.server.support;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PushRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A device's side of the protocol in tests: numbers its mutations and pushes them over HTTP. */
public final class Device {

    public final DeviceId id;
    private final ApiClient api;
    private long sequence;

    public Device(ApiClient api) {
        this(api, DeviceId.random());
    }

    /** Another user's api with a device id already registered: how a stolen or copied device looks. */
    public Device(ApiClient api, DeviceId id) {
        this.api = api;
        this.id = id;
    }

    public Mutation upsert(ClientId client, EntityType type, UUID entityId, long baseVersion, Object entity) {
        JsonNode payload = ApiClient.JSON.valueToTree(entity);
        return new Mutation(MutationId.random(), id, ++sequence, client, type, entityId, Operation.UPSERT, baseVersion,
                payload, Instant.parse("2025-06-02T08:00:00Z"));
    }

    public Mutation rawUpsert(ClientId client, EntityType type, UUID entityId, long baseVersion, JsonNode payload) {
        return new Mutation(MutationId.random(), id, ++sequence, client, type, entityId, Operation.UPSERT, baseVersion,
                payload, Instant.parse("2025-06-02T08:00:00Z"));
    }

    public Mutation delete(ClientId client, EntityType type, UUID entityId, long baseVersion) {
        return new Mutation(MutationId.random(), id, ++sequence, client, type, entityId, Operation.DELETE, baseVersion,
                null, Instant.parse("2025-06-02T08:00:00Z"));
    }

    public ApiClient.Response push(List<Mutation> mutations) {
        return api.post("/api/v1/sync/push", PushRequest.of(id, mutations));
    }

    /** Pushes and returns the outcomes array, failing the test on any HTTP error. */
    public JsonNode pushOk(Mutation... mutations) {
        ApiClient.Response response = push(List.of(mutations));
        if (response.status() != 200) {
            throw new AssertionError("Push failed with " + response.status() + ": " + response.text());
        }
        return response.json().get("outcomes");
    }
}
