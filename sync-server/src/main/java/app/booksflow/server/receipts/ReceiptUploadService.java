package app.booksflow.server.receipts;

import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.StoredFile;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.MutationOutcome;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PushRequest;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.blobs.BlobService;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.ClientAccess;
import app.booksflow.server.sync.PushService;
import app.booksflow.server.sync.ServerDevices;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A receipt sent from a browser or a phone in one request: the file is stored like any blob, then the
 * receipt is created as a mutation of a server-side device of the caller, through {@link PushService},
 * so that it gets its version, change log entry and audit event exactly as if a desktop had synced it.
 */
public final class ReceiptUploadService {

    /** The receipt as stored (the same JSON a pull serves) and its version. */
    public record UploadedReceipt(ObjectNode receipt, long version) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final Clock clock;
    private final BlobService blobs;
    private final PushService push;
    private final ServerDevices devices;

    public ReceiptUploadService(Db db, ObjectMapper json, Clock clock, BlobService blobs, PushService push) {
        this.devices = new ServerDevices(db);
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.blobs = blobs;
        this.push = push;
    }

    /**
     * @param idempotencyKey makes a retried upload answer the first one's receipt and create nothing new;
     *                       it is scoped to the caller
     */
    public UploadedReceipt upload(Caller caller, ClientId client, Optional<TransactionId> transaction,
            Optional<UUID> idempotencyKey, String fileName, InputStream content) {
        // Before the file is read, so a refused caller leaves nothing behind.
        db.read("receipt upload access", c -> {
            ClientAccess.require(c, caller, client);
            return null;
        });
        BlobService.Stored blob = blobs.store(caller, content, Optional.empty());
        Instant now = clock.instant();
        ReceiptId id = idempotencyKey.map(key -> new ReceiptId(derived("server-upload-receipt:" + caller.user() + ":" + key)))
                .orElseGet(ReceiptId::random);
        Receipt receipt = received(id, client, blob, UploadNames.clean(fileName, blob.mediaType()), now);
        if (transaction.isPresent()) {
            receipt = receipt.linkedTo(transaction.get());
        }
        DeviceId device = ServerDevices.deviceOf(caller.user());
        Mutation mutation = new Mutation(idempotencyKey.map(MutationId::new).orElseGet(MutationId::random), device,
                devices.nextSequence(), client, EntityType.RECEIPT, id.value(), Operation.UPSERT, 0,
                json.valueToTree(receipt), now);
        MutationOutcome outcome = push.push(caller, PushRequest.of(device, List.of(mutation))).outcomes().get(0);
        return switch (outcome) {
            case MutationOutcome.Applied applied -> ServerDevices.readBack(() -> stored(id, client, blob),
                    "receipt " + id + " was saved (version " + applied.version() + ")", idempotencyKey.isPresent()
                            ? "Send the same upload again, with the same Idempotency-Key, for its result."
                            : "Do not send the file again without an Idempotency-Key: it would become a second receipt.");
            case MutationOutcome.Rejected rejected -> throw ServerDevices.refused(rejected.code(), rejected.message());
            case MutationOutcome.Conflict ignored -> throw ApiException.conflict("CONFLICT",
                    "Receipt " + id + " already exists on the server in another version.");
        };
    }

    private static UUID derived(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Receipt received(ReceiptId id, ClientId client, BlobService.Stored blob, String name, Instant now) {
        try {
            return Receipt.received(id, client, new StoredFile(blob.sha256(), name, blob.mediaType(), blob.size()), now);
        } catch (DomainException e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }

    /** The receipt as the server now has it: for a repeated key, the one the first upload created. */
    private UploadedReceipt stored(ReceiptId id, ClientId client, BlobService.Stored blob) {
        UploadedReceipt stored = db.read("uploaded receipt", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select payload::text, version from entities where id = ? and not deleted")) {
                select.setObject(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new UploadedReceipt(parse(row.getString(1)), row.getLong(2)) : null;
                }
            }
        });
        if (stored == null) {
            throw ApiException.notFound("Receipt " + id + " (deleted since it was uploaded)");
        }
        if (!stored.receipt().path("client").asText().equals(client.toString())
                || !stored.receipt().path("file").path("sha256").asText().equals(blob.sha256().hex())) {
            throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for another file or client; use a new key for a new upload.");
        }
        return stored;
    }

    private ObjectNode parse(String payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored receipt is unreadable", e);
        }
    }
}
