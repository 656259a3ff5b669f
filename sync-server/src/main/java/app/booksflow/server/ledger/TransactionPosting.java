package app.booksflow.server.ledger;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Role;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.MutationOutcome;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PushRequest;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.PushService;
import app.booksflow.server.sync.ServerDevices;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Posts a transaction through the REST API by pushing it, as one mutation of the user's server-side
 * device, through the same {@link PushService} devices use: versions, change log, dashboards and the
 * audit trail cannot differ between the two ways in. The outcome becomes an HTTP answer; see
 * docs/decisions/0008-rest-transactions-through-push.md for the status codes.
 */
public final class TransactionPosting {

    private final PushService push;
    private final TransactionReader reader;
    private final ServerDevices devices;
    private final ObjectMapper json;
    private final Clock clock;

    public TransactionPosting(Db db, PushService push, TransactionReader reader, ObjectMapper json, Clock clock) {
        this.push = push;
        this.reader = reader;
        this.devices = new ServerDevices(db);
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey becomes the mutation id: a retry with the same key is answered from the
     *                       stored outcome of the first attempt and creates nothing
     */
    public StoredTransaction create(Caller caller, Transaction transaction, Optional<MutationId> idempotencyKey) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("Client users send receipts; their accountant books the transactions.");
        }
        DeviceId device = ServerDevices.deviceOf(caller.user());
        Mutation mutation = new Mutation(idempotencyKey.orElseGet(MutationId::random), device, devices.nextSequence(),
                transaction.client(), EntityType.TRANSACTION, transaction.id().value(), Operation.UPSERT, 0,
                json.valueToTree(transaction), clock.instant());
        MutationOutcome outcome = push.push(caller, PushRequest.of(device, List.of(mutation))).outcomes().get(0);
        return switch (outcome) {
            case MutationOutcome.Applied applied -> ServerDevices.readBack(() -> reader.afterCreate(caller, transaction),
                    "transaction " + transaction.id() + " was saved (version " + applied.version() + ")",
                    idempotencyKey.isPresent() ? "Send the same request again, with the same Idempotency-Key, for its result."
                            : "Read it with GET /api/v1/transactions/" + transaction.id() + "; sending it again would be "
                            + "refused as already existing.");
            case MutationOutcome.Rejected rejected -> throw ServerDevices.refused(rejected.code(), rejected.message());
            case MutationOutcome.Conflict conflict -> throw ApiException.conflict("ALREADY_EXISTS", "Transaction "
                    + transaction.id() + " already exists (version " + conflict.serverVersion() + (conflict.serverDeleted()
                            ? ", deleted" : "") + "); use a new id, or change it through sync.");
        };
    }
}
