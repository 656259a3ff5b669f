package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.MutationId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server did with one mutation: exactly one of applied, rejected or conflict. There is no
 * fourth answer, so nothing a device sends can vanish without a trace.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MutationOutcome.Applied.class, name = "applied"),
    @JsonSubTypes.Type(value = MutationOutcome.Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = MutationOutcome.Conflict.class, name = "conflict")
})
public sealed interface MutationOutcome {

    MutationId mutationId();

    /** Applied; the entity now has this server version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Applied(MutationId mutationId, long version) implements MutationOutcome {
        public Applied {
            Checks.required(mutationId, "The mutation id");
            if (version < 1) {
                throw new DomainException(DomainError.OUT_OF_RANGE, "An applied version starts at 1; got " + version + ".");
            }
        }
    }

    /**
     * Refused for good, with a stable code (a {@link app.booksflow.model.DomainError} name or one of
     * {@link RejectionCodes}) and a message the accountant can act on. Pushing it again changes nothing.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rejected(MutationId mutationId, String code, String message) implements MutationOutcome {
        public Rejected {
            Checks.required(mutationId, "The mutation id");
            code = Checks.requiredText(code, "The rejection code", 64);
            message = Checks.requiredText(message, "The rejection message", 2000);
        }
    }

    /**
     * The entity changed on the server since the device's base version. The server's current state
     * comes along (null when the server has deleted it) so the accountant can pick or merge.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conflict(MutationId mutationId, long serverVersion, boolean serverDeleted, JsonNode serverState)
            implements MutationOutcome {
        public Conflict {
            Checks.required(mutationId, "The mutation id");
            if (serverVersion < 1) {
                throw new DomainException(DomainError.OUT_OF_RANGE, "A server version starts at 1; got " + serverVersion + ".");
            }
            if (serverDeleted == (serverState != null && !serverState.isNull())) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "A conflict carries the server's state exactly when the server has not deleted the entity.");
            }
            if (serverDeleted) {
                serverState = null;
            }
        }
    }
}
