package app.booksflow.protocol;

import app.booksflow.model.Checks;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One outcome per pushed mutation, in the order of the request. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PushResponse(int schemaVersion, List<MutationOutcome> outcomes) {

    public PushResponse {
        ProtocolVersion.requireSupported(schemaVersion);
        outcomes = Checks.immutableList(outcomes, "The outcomes");
    }

    public static PushResponse of(List<MutationOutcome> outcomes) {
        return new PushResponse(ProtocolVersion.CURRENT, outcomes);
    }
}
