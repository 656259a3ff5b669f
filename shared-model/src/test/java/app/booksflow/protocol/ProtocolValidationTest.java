package app.booksflow.protocol;

import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProtocolValidationTest {

    private final DeviceId device = DeviceId.random();
    private final ClientId client = ClientId.random();
    private final ObjectNode payload = JsonNodeFactory.instance.objectNode().put("payee", "Staples");

    @Test
    void aPushKeepsTheDevicesOrderAndComesFromOneDevice() {
        assertThat(PushRequest.of(device, List.of(mutation(device, 1), mutation(device, 2))).mutations()).hasSize(2);
        assertRefused(() -> PushRequest.of(device, List.of(mutation(device, 2), mutation(device, 1))), DomainError.INVALID_STATE)
                .hasMessageContaining("device order");
        assertRefused(() -> PushRequest.of(device, List.of(mutation(device, 1), mutation(device, 1))), DomainError.INVALID_STATE);
        assertRefused(() -> PushRequest.of(device, List.of(mutation(DeviceId.random(), 1))), DomainError.INVALID_STATE)
                .hasMessageContaining("another device");
    }

    @Test
    void aPushHasABatchLimit() {
        List<Mutation> tooMany = new ArrayList<>();
        for (int i = 1; i <= PushRequest.MAX_MUTATIONS + 1; i++) {
            tooMany.add(mutation(device, i));
        }

        assertRefused(() -> PushRequest.of(device, tooMany), DomainError.OUT_OF_RANGE).hasMessageContaining("1000");
    }

    @Test
    void refusesSchemaVersionsItDoesNotSpeak() {
        assertRefused(() -> new PushRequest(ProtocolVersion.CURRENT + 1, device, List.of()), DomainError.OUT_OF_RANGE)
                .hasMessageContaining("Update the older side");
        assertRefused(() -> new PushRequest(0, device, List.of()), DomainError.OUT_OF_RANGE);
    }

    @Test
    void upsertsCarryAPayloadAndDeletesNone() {
        assertRefused(() -> new Mutation(MutationId.random(), device, 1, client, EntityType.TRANSACTION, UUID.randomUUID(),
                Operation.UPSERT, 0, null, Instant.now()), DomainError.REQUIRED);
        assertRefused(() -> new Mutation(MutationId.random(), device, 1, client, EntityType.TRANSACTION, UUID.randomUUID(),
                Operation.DELETE, 3, payload, Instant.now()), DomainError.INVALID_STATE);
        assertRefused(() -> new Mutation(MutationId.random(), device, 0, client, EntityType.TRANSACTION, UUID.randomUUID(),
                Operation.UPSERT, 0, payload, Instant.now()), DomainError.OUT_OF_RANGE);
    }

    @Test
    void aConflictCarriesTheServerStateUnlessTheServerDeletedIt() {
        assertThat(new MutationOutcome.Conflict(MutationId.random(), 4, false, payload).serverState()).isEqualTo(payload);
        assertThat(new MutationOutcome.Conflict(MutationId.random(), 4, true, null).serverState()).isNull();
        assertRefused(() -> new MutationOutcome.Conflict(MutationId.random(), 4, false, null), DomainError.INVALID_STATE);
        assertRefused(() -> new MutationOutcome.Conflict(MutationId.random(), 4, true, payload), DomainError.INVALID_STATE);
    }

    @Test
    void aRejectionAlwaysHasACodeAndAMessage() {
        assertRefused(() -> new MutationOutcome.Rejected(MutationId.random(), "PERIOD_CLOSED", " "), DomainError.REQUIRED);
        assertRefused(() -> new MutationOutcome.Rejected(MutationId.random(), null, "Closed"), DomainError.REQUIRED);
    }

    private Mutation mutation(DeviceId from, long sequence) {
        return new Mutation(MutationId.random(), from, sequence, client, EntityType.TRANSACTION, UUID.randomUUID(),
                Operation.UPSERT, 0, payload, Instant.parse("2025-03-14T09:00:00Z"));
    }
}
