package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.DeviceId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A batch of one device's mutations, in the order the device made them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PushRequest(int schemaVersion, DeviceId deviceId, List<Mutation> mutations) {

    public static final int MAX_MUTATIONS = 1000;

    public PushRequest {
        ProtocolVersion.requireSupported(schemaVersion);
        Checks.required(deviceId, "The device id");
        mutations = Checks.immutableList(mutations, "The mutations");
        if (mutations.size() > MAX_MUTATIONS) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "A push carries at most " + MAX_MUTATIONS + " mutations; got " + mutations.size() + ".");
        }
        long previous = 0;
        for (Mutation mutation : mutations) {
            if (!mutation.deviceId().equals(deviceId)) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Mutation " + mutation.mutationId() + " comes from another device than the push.");
            }
            if (mutation.deviceSequence() <= previous) {
                throw new DomainException(DomainError.INVALID_STATE, "Mutations must be in device order: "
                        + mutation.deviceSequence() + " follows " + previous + ".");
            }
            previous = mutation.deviceSequence();
        }
    }

    public static PushRequest of(DeviceId deviceId, List<Mutation> mutations) {
        return new PushRequest(ProtocolVersion.CURRENT, deviceId, mutations);
    }
}
