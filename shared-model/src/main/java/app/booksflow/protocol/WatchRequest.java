package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A device asks which of the clients it may see have changes after the cursors it holds, waiting up
 * to {@code waitSeconds} for one to appear (long poll). Clients it holds no cursor for count as
 * starting from {@link Cursor#START}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatchRequest(int schemaVersion, List<ClientCursor> cursors, int waitSeconds) {

    public static final int MAX_WAIT_SECONDS = 30;
    public static final int MAX_CLIENTS = 10_000;

    /** Where the device stands in one client's change log. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientCursor(ClientId clientId, Cursor cursor) {
        public ClientCursor {
            Checks.required(clientId, "The client id");
            Checks.required(cursor, "The cursor");
        }
    }

    public WatchRequest {
        ProtocolVersion.requireSupported(schemaVersion);
        cursors = Checks.immutableList(cursors, "The cursors");
        if (cursors.size() > MAX_CLIENTS) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "A watch names at most " + MAX_CLIENTS + " clients; got " + cursors.size() + ".");
        }
        Set<ClientId> seen = new HashSet<>();
        for (ClientCursor cursor : cursors) {
            if (!seen.add(cursor.clientId())) {
                throw new DomainException(DomainError.INVALID_STATE, "Client " + cursor.clientId() + " is named twice.");
            }
        }
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "The wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds; got " + waitSeconds + ".");
        }
    }

    public static WatchRequest of(List<ClientCursor> cursors, int waitSeconds) {
        return new WatchRequest(ProtocolVersion.CURRENT, cursors, waitSeconds);
    }
}
