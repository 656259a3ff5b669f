package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The clients the signed-in user may see ({@code visible}), those among them with changes after the
 * device's cursor ({@code behind}), which the device then pulls, and how many changes each of those has
 * waiting ({@code backlog}, for progress; absent from older servers). A client the device holds but that
 * is no longer visible has been taken from the user.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatchResponse(int schemaVersion, List<ClientId> visible, List<ClientId> behind, List<ClientBacklog> backlog) {

    /** How many changes of a client wait after the device's cursor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientBacklog(ClientId clientId, long changes) {
        public ClientBacklog {
            Checks.required(clientId, "The client id");
        }
    }

    public WatchResponse {
        ProtocolVersion.requireSupported(schemaVersion);
        visible = Checks.immutableList(visible, "The visible clients");
        behind = Checks.immutableList(behind, "The clients with changes");
        backlog = backlog == null ? List.of() : Checks.immutableList(backlog, "The backlog");
    }

    public static WatchResponse of(List<ClientId> visible, List<ClientId> behind) {
        return new WatchResponse(ProtocolVersion.CURRENT, visible, behind, List.of());
    }

    /** The visible clients and the waiting changes of those behind (the behind list follows from it). */
    public static WatchResponse withBacklog(List<ClientId> visible, List<ClientBacklog> backlog) {
        return new WatchResponse(ProtocolVersion.CURRENT, visible, backlog.stream().map(ClientBacklog::clientId).toList(),
                backlog);
    }

    /** All changes waiting in the clients behind; 0 when the server did not say. */
    public long changesWaiting() {
        return backlog.stream().mapToLong(ClientBacklog::changes).sum();
    }
}
