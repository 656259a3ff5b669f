package app.booksflow.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.model.receipt.Sha256;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.StoredBlobs;
import app.booksflow.server.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload by hash that breaks off leaves what arrived on the server, and its sender goes on from there
 * with the rest (Content-Range), over real HTTP (ADR 0044).
 */
class ResumedUploadTest {

    private static final int SIZE = 300_000;

    private static TestServer server;
    private static Practice practice;
    private static Practice otherPractice;
    private static StoredBlobs stored;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "resume-a");
        otherPractice = Practice.create(server, "resume-b");
        stored = new StoredBlobs(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadThatBrokeOffGoesOnFromTheByteWhereItStopped() throws IOException {
        byte[] scan = scan(1);
        String sha = ReceiptFiles.sha256(scan);

        breakOffAfter(practice.accountant, sha, scan, 120_000);
        Response asked = awaitReceived(practice.accountant, sha, 120_000);
        Response rest = sendRange(practice.accountant, sha, scan, 120_000, scan.length);

        assertThat(asked.json().get("exists").asBoolean()).isFalse();
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().get("size").asLong()).isEqualTo(scan.length);
        assertThat(stored.file(sha)).hasBinaryContent(scan);
        assertThat(stored.rows(sha)).isEqualTo(1);
        Response after = exists(practice.accountant, sha);
        assertThat(after.json().get("exists").asBoolean()).isTrue();
        assertThat(after.json().get("received").asLong()).isZero();
        assertThat(partials()).noneMatch(p -> p.getFileName().toString().contains(sha));
    }

    @Test
    void aFileSentInPiecesIsStoredWithTheLastAndEachPieceSaysHowMuchIsHere() {
        byte[] scan = scan(2);
        String sha = ReceiptFiles.sha256(scan);

        Response first = sendRange(practice.accountant, sha, scan, 0, 100_000);
        Response second = sendRange(practice.accountant, sha, scan, 100_000, 200_000);
        long heldBetween = exists(practice.accountant, sha).json().get("received").asLong();
        Response last = sendRange(practice.accountant, sha, scan, 200_000, scan.length);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("received").asLong()).isEqualTo(100_000);
        assertThat(first.json().get("size").asLong()).isEqualTo(scan.length);
        assertThat(second.status()).isEqualTo(202);
        assertThat(heldBetween).isEqualTo(200_000);
        assertThat(last.status()).isEqualTo(201);
        assertThat(stored.file(sha)).hasBinaryContent(scan);
    }

    @Test
    void aPieceThatDoesNotStartWhereTheServerStoppedIsRefusedNamingTheByteToGoOnFrom() throws IOException {
        BrokenOff upload = brokenOff(3, 90_000);
        byte[] scan = upload.scan();
        String sha = upload.sha();

        Response tooEarly = sendRange(practice.accountant, sha, scan, 50_000, scan.length);
        Response fromNothing = sendRange(otherPractice.accountant, sha, scan, 90_000, scan.length);

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("error").asText()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
        assertThat(tooEarly.json().get("message").asText()).contains("holds 90000 bytes", "from byte 90000");
        assertThat(fromNothing.status()).as("another user's upload is not theirs to go on with").isEqualTo(409);
        assertThat(fromNothing.json().get("message").asText()).contains("holds 0 bytes");
        assertThat(exists(otherPractice.accountant, sha).json().get("received").asLong()).isZero();
        assertThat(exists(practice.accountant, sha).json().get("received").asLong()).as("nothing lost").isEqualTo(90_000);
        assertThat(stored.rows(sha)).isZero();
    }

    @Test
    void aFileWhosePiecesDoNotMakeTheNamedHashIsRefusedAndThePiecesDropped() throws IOException {
        BrokenOff upload = brokenOff(4, 150_000);
        byte[] scan = upload.scan();
        String sha = upload.sha();
        byte[] changed = Arrays.copyOf(scan, scan.length);
        changed[250_000] ^= 0x55;

        Response rest = sendRange(practice.accountant, sha, changed, 150_000, changed.length);

        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.json().get("error").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(stored.rows(sha)).isZero();
        assertThat(exists(practice.accountant, sha).json().get("received").asLong()).as("start again").isZero();
    }

    @Test
    void aShorterStartDoesNotReplaceALongerOneKeptBefore() throws IOException {
        BrokenOff upload = brokenOff(8, 100_000);
        byte[] scan = upload.scan();
        String sha = upload.sha();

        breakOffAfter(practice.accountant, sha, scan, 30_000); // started again from byte 0 without asking
        // While the server sets the broken request's bytes aside it answers UPLOAD_IN_PROGRESS, as the app expects.
        Response rest = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> sendRange(practice.accountant, sha, scan, 100_000, scan.length), r -> !inProgress(r));

        assertThat(rest.status()).isEqualTo(201);
        assertThat(stored.file(sha)).hasBinaryContent(scan);
    }

    @Test
    void aWholeUploadAfterABrokenOneStoresTheFileAndDropsWhatTheFirstLeft() throws IOException {
        BrokenOff upload = brokenOff(5, 60_000);
        byte[] scan = upload.scan();
        String sha = upload.sha();

        Response whole = practice.accountant.put("/api/v1/blobs/" + sha, scan, "image/png");

        assertThat(whole.status()).isEqualTo(201);
        assertThat(stored.file(sha)).hasBinaryContent(scan);
        assertThat(partials()).noneMatch(p -> p.getFileName().toString().contains(sha));
    }

    @Test
    void malformedOrOversizedRangesAreRefusedBeforeAnythingIsKept() {
        byte[] scan = scan(6);
        String sha = ReceiptFiles.sha256(scan);
        String path = "/api/v1/blobs/" + sha;

        Response words = put(practice.accountant, path, "bytes=0-99", Arrays.copyOf(scan, 100));
        Response backwards = put(practice.accountant, path, "bytes 99-0/300000", Arrays.copyOf(scan, 100));
        Response pastTheEnd = put(practice.accountant, path, "bytes 0-99/50", Arrays.copyOf(scan, 100));
        Response shortBody = put(practice.accountant, path, "bytes 0-199/300000", Arrays.copyOf(scan, 100));
        Response tooLarge = put(practice.accountant, path, "bytes 0-99/" + (1L << 40), Arrays.copyOf(scan, 100));

        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("error").asText()).isEqualTo("INVALID_RANGE");
        assertThat(words.json().get("message").asText()).contains("bytes 40000-99999/100000");
        assertThat(backwards.json().get("error").asText()).isEqualTo("INVALID_RANGE");
        assertThat(pastTheEnd.json().get("error").asText()).isEqualTo("INVALID_RANGE");
        assertThat(shortBody.status()).isEqualTo(400);
        assertThat(shortBody.json().get("error").asText()).isEqualTo("RANGE_MISMATCH");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(exists(practice.accountant, sha).json().get("received").asLong()).isZero();
    }

    @Test
    void theStartOfAnUploadNobodyWentOnWithIsForgottenAfterADay(@TempDir Path root) throws IOException {
        BlobStore files = new BlobStore(root);
        Sha256 hash = new Sha256(ReceiptFiles.sha256(scan(7)));
        UUID user = UUID.randomUUID();
        Path fresh = files.partial(user, hash);
        Files.write(fresh, new byte[] {1, 2, 3});
        Path stale = files.partial(UUID.randomUUID(), hash);
        Files.write(stale, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(BlobStore.PARTIAL_KEPT).minusSeconds(60)));

        new BlobStore(root); // as at the server's start

        assertThat(fresh).exists();
        assertThat(files.received(user, hash)).isEqualTo(3);
        assertThat(stale).doesNotExist();
    }

    /** A PNG-headed file of noise: unique per seed, and large enough to break off in the middle. */
    private static byte[] scan(int seed) {
        byte[] png = ReceiptFiles.png(seed);
        byte[] scan = Arrays.copyOf(png, SIZE);
        byte[] noise = new byte[SIZE - png.length];
        new Random(seed).nextBytes(noise);
        System.arraycopy(noise, 0, scan, png.length, noise.length);
        return scan;
    }

    /** A scan of which an upload by the practice's accountant broke off after {@code sent} bytes, all kept. */
    private record BrokenOff(byte[] scan, String sha) {
    }

    private static BrokenOff brokenOff(int seed, int sent) throws IOException {
        byte[] scan = scan(seed);
        String sha = ReceiptFiles.sha256(scan);
        breakOffAfter(practice.accountant, sha, scan, sent);
        awaitReceived(practice.accountant, sha, sent);
        return new BrokenOff(scan, sha);
    }

    /** Sends the headers of the whole file and its first {@code sent} bytes, then ends the connection. */
    private static void breakOffAfter(ApiClient who, String sha, byte[] content, int sent) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String head = "PUT /api/v1/blobs/" + sha + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + who.token() + "\r\nContent-Type: image/png\r\nContent-Length: " + content.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content, 0, sent);
            out.flush();
            socket.shutdownOutput();
        }
    }

    private static Response awaitReceived(ApiClient who, String sha, long bytes) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> exists(who, sha).json().get("received").asLong() == bytes);
        return exists(who, sha);
    }

    private static boolean inProgress(Response response) {
        return response.status() == 409 && "UPLOAD_IN_PROGRESS".equals(response.json().get("error").asText());
    }

    private static Response exists(ApiClient who, String sha) {
        return who.get("/api/v1/blobs/" + sha + "/exists");
    }

    /** Bytes {@code from} up to {@code to} (exclusive) of the file, named as such. */
    private static Response sendRange(ApiClient who, String sha, byte[] content, int from, int to) {
        return put(who, "/api/v1/blobs/" + sha, "bytes " + from + "-" + (to - 1) + "/" + content.length,
                Arrays.copyOfRange(content, from, to));
    }

    private static Response put(ApiClient who, String path, String range, byte[] body) {
        return who.send("PUT", path, Map.of("Content-Type", "application/octet-stream", "Content-Range", range),
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static java.util.List<Path> partials() {
        return stored.allFiles().stream().filter(f -> f.startsWith(stored.dir().resolve("partial"))).toList();
    }
}
