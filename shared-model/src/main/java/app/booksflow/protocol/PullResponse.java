package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The changes of one client after the cursor a device sent, in commit order. The device applies them
 * and stores {@code nextCursor} in one local transaction; {@code hasMore} says another page is waiting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PullResponse(int schemaVersion, ClientId clientId, List<Change> changes, Cursor nextCursor,
        boolean hasMore) {

    public PullResponse {
        ProtocolVersion.requireSupported(schemaVersion);
        Checks.required(clientId, "The client id");
        changes = Checks.immutableList(changes, "The changes");
        Checks.required(nextCursor, "The next cursor");
    }
}
