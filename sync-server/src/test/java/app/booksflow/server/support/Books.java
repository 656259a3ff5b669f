package app.booksflow.server.support;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import app.booksflow.protocol.Mutation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.MonthDay;
import java.util.Optional;

/** Shortcuts for filling a practice's books through sync, as the desktop app would. */
public final class Books {

    private Books() {
    }

    /** Pushes posted transactions as one batch from a new device of the user and checks they were applied. */
    public static void post(ApiClient user, Transaction... transactions) {
        Device device = new Device(user);
        Mutation[] mutations = new Mutation[transactions.length];
        for (int i = 0; i < transactions.length; i++) {
            mutations[i] = device.upsert(transactions[i].client(), EntityType.TRANSACTION, transactions[i].id().value(), 0,
                    transactions[i]);
        }
        requireApplied(device.pushOk(mutations));
    }

    /** A second client of the practice, which its accountant is not assigned to. */
    public static Client newClient(Practice practice, String name) {
        Client client = new Client(ClientId.random(), practice.organization.id(), name, practice.client.baseCurrency(),
                MonthDay.of(1, 1), Optional.empty());
        Device device = new Device(practice.admin);
        requireApplied(device.pushOk(device.upsert(client.id(), EntityType.CLIENT, client.id().value(), 0, client)));
        return client;
    }

    /** Sends a receipt of the client (the file itself is not uploaded: only its record matters here). */
    public static void receipt(ApiClient user, ClientId client, ReceiptStatus status) {
        ReceiptId id = ReceiptId.random();
        StoredFile file = new StoredFile(new Sha256("%064x".formatted(id.value().getLeastSignificantBits() & Long.MAX_VALUE)),
                "receipt.jpg", ReceiptMediaType.JPEG, 1024);
        Receipt receipt = Receipt.received(id, client, file, Instant.parse("2025-06-01T09:00:00Z")).withStatus(status);
        Device device = new Device(user);
        requireApplied(device.pushOk(device.upsert(client, EntityType.RECEIPT, id.value(), 0, receipt)));
    }

    private static void requireApplied(JsonNode outcomes) {
        outcomes.forEach(outcome -> {
            if (!"applied".equals(outcome.get("outcome").asText())) {
                throw new IllegalStateException("Not applied: " + outcome);
            }
        });
    }
}
