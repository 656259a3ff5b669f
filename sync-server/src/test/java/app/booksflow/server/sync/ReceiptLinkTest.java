package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceiptLinkTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "receipt-link");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReceiptMayLinkATransactionPushedEarlier() {
        Device laptop = new Device(practice.accountant);
        Transaction paper = practice.purchase(LocalDate.of(2025, 5, 12), "Paper Mill", 3_600);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, paper.id().value(), 0, paper));
        Receipt receipt = Receipt.received(ReceiptId.random(), practice.client.id(), new StoredFile(
                new Sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), "paper.pdf",
                ReceiptMediaType.PDF, 1_234), Instant.parse("2025-06-02T08:00:00Z")).linkedTo(paper.id());

        JsonNode outcome = laptop.pushOk(
                laptop.upsert(practice.client.id(), EntityType.RECEIPT, receipt.id().value(), 0, receipt)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("applied");
    }
}
