package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * The server's current version of a synchronized entity; the payload (as a tree and as the stored text)
 * is null once it is deleted.
 */
record EntityRow(UUID id, EntityType type, ClientId client, long version, boolean deleted, JsonNode payload,
        String payloadText) {
}
