package app.booksflow.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Download;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.StoredBlobs;
import app.booksflow.server.support.TestServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlobRoutesTest {

    private static TestServer server;
    private static Practice practice;
    private static Practice otherPractice;
    private static StoredBlobs stored;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "blobs-a");
        otherPractice = Practice.create(server, "blobs-b");
        stored = new StoredBlobs(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> receiptFiles() {
        return Stream.of(
                Arguments.of("JPEG", ReceiptFiles.jpeg(1), "image/jpeg"),
                Arguments.of("PNG", ReceiptFiles.png(1), "image/png"),
                Arguments.of("PDF", ReceiptFiles.pdf("Bakery supplies 12.50 EUR"), "application/pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receiptFiles")
    void aReceiptFileUploadsAndDownloadsByteForByteThroughItsReceipt(String type, byte[] content, String mimeType) {
        String sha = ReceiptFiles.sha256(content);

        Response upload = practice.owner.put("/api/v1/blobs/" + sha, content, "application/octet-stream");
        StoredBlobs.pushReceipt(practice.accountant, practice.client.id(), content, ReceiptMediaType.valueOf(type));
        Download download = practice.accountant.download("/api/v1/blobs/" + sha, Map.of());

        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(upload.json().get("size").asLong()).isEqualTo(content.length);
        assertThat(upload.json().get("mediaType").asText()).isEqualTo(mimeType);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo(mimeType);
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(content.length));
        assertThat(download.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(download.header("Cache-Control")).startsWith("private");
        assertThat(stored.file(sha)).hasBinaryContent(content);
    }

    @Test
    void aPutWithCurlsDefaultFormContentTypeStoresTheRawBytes() {
        byte[] content = ReceiptFiles.pdf("Sent with curl --data-binary");
        String sha = ReceiptFiles.sha256(content);

        Response response = practice.accountant.put("/api/v1/blobs/" + sha, content, "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(201);
        assertThat(stored.file(sha)).hasBinaryContent(content);
    }

    @Test
    void aRepeatedUploadAnswers200WithoutRewritingTheFile() throws IOException {
        byte[] content = ReceiptFiles.png(2);
        String sha = ReceiptFiles.sha256(content);

        int first = practice.accountant.put("/api/v1/blobs/" + sha, content, "image/png").status();
        Object fileKey = Files.readAttributes(stored.file(sha), BasicFileAttributes.class).fileKey();
        int second = practice.accountant.put("/api/v1/blobs/" + sha, content, "image/png").status();
        int byAnotherPractice = otherPractice.admin.put("/api/v1/blobs/" + sha, content, "image/png").status();

        assertThat(List.of(first, second, byAnotherPractice)).containsExactly(201, 200, 200);
        assertThat(stored.rows(sha)).isEqualTo(1);
        assertThat(Files.readAttributes(stored.file(sha), BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
        assertThat(stored.allFiles()).filteredOn(f -> f.getFileName().toString().equals(sha)).hasSize(1);
    }

    @Test
    void concurrentUploadsOfTheSameFileStoreItOnce() throws Exception {
        byte[] content = ReceiptFiles.jpeg(3);
        String sha = ReceiptFiles.sha256(content);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (ApiClient who : List.of(practice.admin, practice.accountant, practice.owner, otherPractice.admin,
                otherPractice.accountant, otherPractice.owner)) {
            uploads.add(() -> {
                go.await();
                return who.put("/api/v1/blobs/" + sha, content, "image/jpeg").status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> running = uploads.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Integer> upload : running) {
                statuses.add(upload.get());
            }
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(stored.rows(sha)).isEqualTo(1);
        assertThat(stored.count("select count(*) from blob_uploads where sha256 = ?", sha)).isEqualTo(6);
        assertThat(stored.file(sha)).hasBinaryContent(content);
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }

    @Test
    void aFileWhoseHashDiffersFromThePathIsRefusedNamingBothHashes() {
        byte[] content = ReceiptFiles.png(4);
        String actual = ReceiptFiles.sha256(content);
        String claimed = ReceiptFiles.sha256(ReceiptFiles.png(5));

        Response response = practice.accountant.put("/api/v1/blobs/" + claimed, content, "image/png");

        assertRefused(response, 400, "HASH_MISMATCH", claimed);
        assertThat(response.json().get("message").asText()).contains(actual).contains(claimed);
        assertNothingStored(actual);
    }

    @Test
    void aPathThatIsNotASha256IsRefused() {
        Response response = practice.accountant.put("/api/v1/blobs/not-a-hash", ReceiptFiles.png(6), "image/png");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("INVALID_HASH");
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }

    @Test
    void anEmptyBodyIsRefused() {
        String sha = ReceiptFiles.sha256(new byte[0]);

        Response response = practice.accountant.put("/api/v1/blobs/" + sha, new byte[0], "image/jpeg");

        assertRefused(response, 400, "EMPTY_FILE", sha);
    }

    @Test
    void textSentAsAJpegIsRefusedAsUnsupportedWhateverItsContentType() {
        byte[] text = "Total: 12.50 EUR, thank you for shopping".getBytes(StandardCharsets.UTF_8);
        String sha = ReceiptFiles.sha256(text);

        Response response = practice.accountant.put("/api/v1/blobs/" + sha, text, "image/jpeg");

        assertRefused(response, 415, "UNSUPPORTED_MEDIA_TYPE", sha);
        assertThat(response.json().get("message").asText()).contains("plain text");
    }

    @Test
    void aFileReferencedOnlyByAnotherPracticesReceiptIsNotFound() {
        byte[] content = ReceiptFiles.png(7);
        String sha = ReceiptFiles.sha256(content);
        otherPractice.owner.put("/api/v1/blobs/" + sha, content, "image/png");
        StoredBlobs.pushReceipt(otherPractice.accountant, otherPractice.client.id(), content, ReceiptMediaType.PNG);

        Response stranger = practice.admin.get("/api/v1/blobs/" + sha);
        Response neverStored = practice.admin.get("/api/v1/blobs/" + ReceiptFiles.sha256(ReceiptFiles.png(8)));
        Download ownersAccountant = otherPractice.accountant.download("/api/v1/blobs/" + sha, Map.of());

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(stranger.json().get("message").asText().replace(sha, "HASH"))
                .isEqualTo(neverStored.json().get("message").asText().replace(ReceiptFiles.sha256(ReceiptFiles.png(8)), "HASH"));
        assertThat(ownersAccountant.status()).isEqualTo(200);
        assertThat(ownersAccountant.body()).isEqualTo(content);
    }

    @Test
    void anUploadedFileWithoutAReceiptIsNotReadable() {
        byte[] content = ReceiptFiles.png(9);
        String sha = ReceiptFiles.sha256(content);
        practice.admin.put("/api/v1/blobs/" + sha, content, "image/png");

        assertThat(practice.admin.get("/api/v1/blobs/" + sha).status()).isEqualTo(404);
    }

    @Test
    void aMatchingIfNoneMatchAnswers304WithoutTheBody() {
        byte[] content = ReceiptFiles.jpeg(10);
        String sha = ReceiptFiles.sha256(content);
        practice.owner.put("/api/v1/blobs/" + sha, content, "image/jpeg");
        StoredBlobs.pushReceipt(practice.owner, practice.client.id(), content, ReceiptMediaType.JPEG);

        Download cached = practice.accountant.download("/api/v1/blobs/" + sha, Map.of("If-None-Match", "\"" + sha + "\""));
        Download stale = practice.accountant.download("/api/v1/blobs/" + sha, Map.of("If-None-Match", "\"other\""));
        Download stranger = otherPractice.admin.download("/api/v1/blobs/" + sha, Map.of("If-None-Match", "\"" + sha + "\""));

        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(content);
        assertThat(stranger.status()).isEqualTo(404);
    }

    @Test
    void headAnswersTheHeadersOfADownloadWithoutTheBody() {
        byte[] content = ReceiptFiles.pdf("Head request");
        String sha = ReceiptFiles.sha256(content);
        practice.accountant.put("/api/v1/blobs/" + sha, content, "application/pdf");
        StoredBlobs.pushReceipt(practice.accountant, practice.client.id(), content, ReceiptMediaType.PDF);

        Response head = practice.accountant.send("HEAD", "/api/v1/blobs/" + sha, Map.of(), HttpRequest.BodyPublishers.noBody());
        Response stranger = otherPractice.admin.send("HEAD", "/api/v1/blobs/" + sha, Map.of(), HttpRequest.BodyPublishers.noBody());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(content.length));
        assertThat(head.text()).isEmpty();
        assertThat(stranger.status()).isEqualTo(404);
    }

    @Test
    void existenceIsConfirmedOnlyToUploadersAndToThoseWhoMayReadTheFile() {
        byte[] content = ReceiptFiles.png(11);
        String sha = ReceiptFiles.sha256(content);
        String path = "/api/v1/blobs/" + sha + "/exists";
        boolean beforeUpload = practice.accountant.get(path).json().get("exists").asBoolean();
        practice.accountant.put("/api/v1/blobs/" + sha, content, "image/png");

        boolean uploader = practice.accountant.get(path).json().get("exists").asBoolean();
        boolean colleagueWithoutReceipt = practice.owner.get(path).json().get("exists").asBoolean();
        boolean otherPracticeBeforeReceipt = otherPractice.admin.get(path).json().get("exists").asBoolean();
        StoredBlobs.pushReceipt(practice.accountant, practice.client.id(), content, ReceiptMediaType.PNG);
        boolean colleagueWithReceipt = practice.owner.get(path).json().get("exists").asBoolean();
        boolean otherPracticeAfterReceipt = otherPractice.admin.get(path).json().get("exists").asBoolean();

        assertThat(beforeUpload).isFalse();
        assertThat(uploader).isTrue();
        assertThat(colleagueWithoutReceipt).isFalse();
        assertThat(otherPracticeBeforeReceipt).isFalse();
        assertThat(colleagueWithReceipt).isTrue();
        assertThat(otherPracticeAfterReceipt).isFalse();
    }

    @Test
    void anUploadWithoutSigningInIsUnauthorized() {
        byte[] content = ReceiptFiles.png(12);
        String sha = ReceiptFiles.sha256(content);

        Response response = server.anonymous().put("/api/v1/blobs/" + sha, content, "image/png");

        assertRefused(response, 401, "UNAUTHORIZED", sha);
    }

    private static void assertRefused(Response response, int status, String code, String sha) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
        assertNothingStored(sha);
    }

    private static void assertNothingStored(String sha) {
        assertThat(stored.rows(sha)).isZero();
        assertThat(stored.file(sha)).doesNotExist();
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }
}
