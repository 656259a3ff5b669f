package app.booksflow.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.StoredBlobs;
import app.booksflow.server.support.TestServer;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The size limit, set low ({@code blob.max.bytes = 1024}) so that tests can go past it cheaply. */
class BlobLimitTest {

    private static final int LIMIT = 1024;

    private static TestServer server;
    private static Practice practice;
    private static StoredBlobs stored;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("blob.max.bytes", Integer.toString(LIMIT)));
        practice = Practice.create(server, "blob-limit");
        stored = new StoredBlobs(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        byte[] content = pngOfSize(LIMIT, 1);

        Response response = practice.accountant.put("/api/v1/blobs/" + ReceiptFiles.sha256(content), content, "image/png");

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() {
        byte[] content = pngOfSize(LIMIT + 1, 2);
        String sha = ReceiptFiles.sha256(content);

        Response response = practice.accountant.put("/api/v1/blobs/" + sha, content, "image/png");

        assertTooLarge(response, sha);
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutOffAtTheLimitInsteadOfReadToTheEnd() {
        byte[] head = pngOfSize(LIMIT, 3);
        String sha = ReceiptFiles.sha256(head);
        EndlessPng body = new EndlessPng(head, 1L << 30);

        Response response;
        try {
            response = practice.accountant.send("PUT", "/api/v1/blobs/" + sha, Map.of("Content-Type", "image/png"),
                    HttpRequest.BodyPublishers.ofInputStream(() -> body));
        } catch (UncheckedIOException cutOff) {
            // The server answers 413 and closes while the upload is still coming in; TCP may then reset the
            // connection before the client has read that answer. What matters holds either way: the
            // server stopped reading early and kept nothing.
            assertThat(body.served).isLessThan(body.total / 4);
            assertNothingStored(sha);
            return;
        }

        assertTooLarge(response, sha);
        assertThat(body.served).isLessThan(body.total / 4);
    }

    @Test
    void aMultipartFileLargerThanTheLimitIsRefusedAndLeavesNothing() {
        byte[] content = pngOfSize(4 * LIMIT, 4);
        Multipart form = new Multipart().field("client", practice.client.id().toString())
                .file("file", "big.png", "image/png", content);

        Response response = practice.accountant.send("POST", "/api/v1/receipts/upload",
                Map.of("Content-Type", form.contentType()), HttpRequest.BodyPublishers.ofByteArray(form.bytes()));

        assertTooLarge(response, ReceiptFiles.sha256(content));
        assertThat(stored.count("select count(*) from receipts")).isZero();
    }

    private static void assertTooLarge(Response response, String sha) {
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertNothingStored(sha);
    }

    private static void assertNothingStored(String sha) {
        assertThat(stored.rows(sha)).isZero();
        assertThat(stored.file(sha)).doesNotExist();
        assertThat(stored.allFiles()).filteredOn(f -> f.startsWith(stored.dir().resolve("tmp"))).isEmpty();
    }

    /** A chunked body far larger than any limit, counting how much of it the client was asked for. */
    private static final class EndlessPng extends InputStream {
        final long total;
        volatile long served;
        private final byte[] head;

        EndlessPng(byte[] head, long total) {
            this.head = head;
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                buffer[offset + i] = at < head.length ? head[(int) at] : (byte) 1;
            }
            served += n;
            return n;
        }
    }

    /** Content that sniffs as PNG, padded to the size wanted. */
    private static byte[] pngOfSize(int size, int seed) {
        byte[] png = ReceiptFiles.png(seed);
        byte[] padded = Arrays.copyOf(png, size);
        Arrays.fill(padded, png.length, size, (byte) seed);
        return padded;
    }
}
