package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The clients the signed-in user may see ({@code visible}) and those among them with changes after the
 * device's cursor ({@code behind}), which the device then pulls. A client the device holds but that is
 * no longer visible has been taken from the user.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatchResponse(int schemaVersion, List<ClientId> visible, List<ClientId> behind) {

    public WatchResponse {
        ProtocolVersion.requireSupported(schemaVersion);
        visible = Checks.immutableList(visible, "The visible clients");
        behind = Checks.immutableList(behind, "The clients with changes");
    }

    public static WatchResponse of(List<ClientId> visible, List<ClientId> behind) {
        return new WatchResponse(ProtocolVersion.CURRENT, visible, behind);
    }
}
