package app.booksflow.server.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.StoredBlobs;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceiptUploadTest {

    private static final String UPLOAD = "/api/v1/receipts/upload";

    private static TestServer server;
    private static Practice practice;
    private static Practice otherPractice;
    private static StoredBlobs stored;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "receipts-a");
        otherPractice = Practice.create(server, "receipts-b");
        stored = new StoredBlobs(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadCreatesAPendingReceiptThatDevicesPullWithAnAuditEvent() {
        byte[] photo = ReceiptFiles.jpeg(20);
        String sha = ReceiptFiles.sha256(photo);

        Response response = upload(practice.owner, new Multipart()
                .field("client", practice.client.id().toString())
                .file("file", "IMG_0042.jpg", "image/jpeg", photo), Map.of());

        assertThat(response.status()).isEqualTo(200);
        JsonNode receipt = response.json();
        String id = receipt.get("id").asText();
        assertThat(receipt.get("client").asText()).isEqualTo(practice.client.id().toString());
        assertThat(receipt.get("status").asText()).isEqualTo("PENDING");
        assertThat(receipt.get("receivedAt").asText()).isEqualTo("2025-06-02T08:00:00Z");
        assertThat(receipt.get("version").asLong()).isEqualTo(1);
        assertThat(receipt.get("file").get("sha256").asText()).isEqualTo(sha);
        assertThat(receipt.get("file").get("originalName").asText()).isEqualTo("IMG_0042.jpg");
        assertThat(receipt.get("file").get("mediaType").asText()).isEqualTo("JPEG");
        assertThat(receipt.get("file").get("size").asLong()).isEqualTo(photo.length);
        assertThat(pulledReceipt(practice, id)).isNotNull();
        assertThat(stored.count("select count(*) from audit_events where entity_id = ?::uuid and action = 'CREATE' "
                + "and actor_id = ?::uuid", id, practice.clientUser.id().toString())).isEqualTo(1);
        assertThat(practice.accountant.download("/api/v1/blobs/" + sha, Map.of()).body()).isEqualTo(photo);
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneReceipt() {
        byte[] scan = ReceiptFiles.pdf("Idempotent upload");
        Multipart form = new Multipart().field("client", practice.client.id().toString())
                .file("file", "scan.pdf", "application/pdf", scan);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response first = upload(practice.accountant, form, key);
        Response retry = upload(practice.accountant, form, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(stored.count("select count(*) from receipts where sha256 = ?", ReceiptFiles.sha256(scan))).isEqualTo(1);
        assertThat(stored.count("select count(*) from change_log where entity_id = ?::uuid",
                first.json().get("id").asText())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherFileIsAConflict() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        upload(practice.accountant, receiptForm(practice.client.id(), ReceiptFiles.png(21)), key);

        Response reused = upload(practice.accountant, receiptForm(practice.client.id(), ReceiptFiles.png(22)), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anUploadMayLinkTheReceiptToATransactionOfTheClient() {
        Device laptop = new Device(practice.accountant);
        Transaction lunch = practice.purchase(LocalDate.of(2025, 5, 20), "Deli", 1_890);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, lunch.id().value(), 0, lunch));

        Response response = upload(practice.accountant, receiptForm(practice.client.id(), ReceiptFiles.png(23))
                .field("transaction", lunch.id().toString()), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("transaction").asText()).isEqualTo(lunch.id().toString());
    }

    @Test
    void aLinkToAnUnknownTransactionIsRefusedWithTheRejectionOfTheBooks() {
        Response response = upload(practice.accountant, receiptForm(practice.client.id(), ReceiptFiles.png(24))
                .field("transaction", UUID.randomUUID().toString()), Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("message").asText()).contains("transaction");
    }

    @Test
    void aClientUserCannotUploadForAnotherPracticesClient() {
        byte[] photo = ReceiptFiles.png(25);

        Response response = upload(practice.owner, receiptForm(otherPractice.client.id(), photo), Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertNothingStored(ReceiptFiles.sha256(photo));
    }

    @Test
    void aClientUserCannotUploadForAnotherClientOfTheirPractice() {
        Client neighbour = new Client(ClientId.random(), practice.organization.id(), "Corner Cafe", practice.client.baseCurrency(),
                MonthDay.of(1, 1), Optional.empty());
        Device desktop = new Device(practice.admin);
        desktop.pushOk(desktop.upsert(neighbour.id(), EntityType.CLIENT, neighbour.id().value(), 0, neighbour));
        byte[] photo = ReceiptFiles.png(26);

        Response response = upload(practice.owner, receiptForm(neighbour.id(), photo), Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertNothingStored(ReceiptFiles.sha256(photo));
    }

    @Test
    void aFormWithoutAFileIsRefused() {
        Response response = upload(practice.accountant, new Multipart().field("client", practice.client.id().toString()), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("MISSING_FILE");
    }

    @Test
    void aFormWithoutAClientIsRefused() {
        Response response = upload(practice.accountant, new Multipart().file("file", "a.png", "image/png", ReceiptFiles.png(27)), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("MISSING_PARAMETER");
    }

    @Test
    void textNamedJpgIsRefusedAsUnsupportedAndLeavesNothing() {
        byte[] text = "not a photo of a receipt at all".getBytes(StandardCharsets.UTF_8);

        Response response = upload(practice.accountant, new Multipart().field("client", practice.client.id().toString())
                .file("file", "receipt.jpg", "image/jpeg", text), Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("message").asText()).contains("plain text");
        assertNothingStored(ReceiptFiles.sha256(text));
        assertThat(stored.count("select count(*) from receipts where original_name = 'receipt.jpg'")).isZero();
    }

    @Test
    void aZeroByteFileIsRefusedAndLeavesNothing() {
        Response response = upload(practice.accountant, new Multipart().field("client", practice.client.id().toString())
                .file("file", "empty.pdf", "application/pdf", new byte[0]), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("EMPTY_FILE");
        assertNothingStored(ReceiptFiles.sha256(new byte[0]));
    }

    @Test
    void aFileTooLargeToParseInMemoryLeavesNoTempFilesBehind() {
        byte[] png = ReceiptFiles.png(29);
        byte[] scan = java.util.Arrays.copyOf(png, 2 * 1024 * 1024);
        java.util.Arrays.fill(scan, png.length, scan.length, (byte) 7);

        Response response = upload(practice.accountant, receiptForm(practice.client.id(), scan), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(stored.file(ReceiptFiles.sha256(scan))).hasSize(scan.length);
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }

    @Test
    void anIdempotencyKeyThatIsNotAUuidIsRefused() {
        Response response = upload(practice.accountant, receiptForm(practice.client.id(), ReceiptFiles.png(28)),
                Map.of("Idempotency-Key", "retry-1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    private static Multipart receiptForm(ClientId client, byte[] png) {
        return new Multipart().field("client", client.toString()).file("file", "photo.png", "image/png", png);
    }

    private static Response upload(ApiClient who, Multipart form, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", form.contentType());
        return who.send("POST", UPLOAD, all, HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
    }

    private static JsonNode pulledReceipt(Practice of, String id) {
        JsonNode page = of.accountant.get("/api/v1/sync/pull?client=" + of.client.id() + "&limit=5000").json();
        for (JsonNode change : page.get("changes")) {
            if (change.get("entityId").asText().equals(id) && "RECEIPT".equals(change.get("entityType").asText())) {
                return change;
            }
        }
        return null;
    }

    private static void assertNothingStored(String sha) {
        assertThat(stored.rows(sha)).isZero();
        assertThat(stored.file(sha)).doesNotExist();
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }
}
