package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request body the server cannot read is answered for what happened, never blamed on the sender
 * when it was not theirs: a body that stops arriving for longer than {@code request.idle.timeout}
 * gets 408 with nothing changed (under overload the wait is often the server's own: the request
 * waited for a database connection before its body was read); a body the server cannot keep in its
 * own files (no file handles or disk left) gets 500 with an incident for the admin, not 400.
 * Requests that are held on purpose, long polls, outlive the timeout.
 */
class UnreadableBodyTest {

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("request.idle.timeout", IDLE.toString()));
        practice = Practice.create(server, "unreadable-body");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTransactionWhoseBodyStallsIsAnswered408AndNothingIsPosted() throws Exception {
        long before = transactionCount();
        String json = "{\"client\": \"" + practice.client.id() + "\", \"date\": \"2025-04-01\", \"payee\": \"Stalled\"";

        String answer = stallMidBody("POST /api/v1/transactions", "application/json", json, 400,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"REQUEST_TIMEOUT\"").contains("nothing was changed");
        assertThat(transactionCount()).isEqualTo(before);
    }

    @Test
    void aReceiptUploadWhoseBodyStallsIsAnswered408() throws Exception {
        String boundary = "stalled" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"client\"\r\n\r\n" + practice.client.id()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0";

        String answer = stallMidBody("POST /api/v1/receipts/upload", "multipart/form-data; boundary=" + boundary, head,
                200_000, Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"REQUEST_TIMEOUT\"");
    }

    @Test
    void aReceiptFileWhoseBodyStallsIsAnswered408AndNotStored() throws Exception {
        String sha256 = "ab".repeat(32);

        String answer = stallMidBody("PUT /api/v1/blobs/" + sha256, "image/jpeg", "\u00ff\u00d8\u00ff\u00e0 partial", 50_000,
                Map.of());

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"REQUEST_TIMEOUT\"");
        assertThat(practice.accountant.get("/api/v1/blobs/" + sha256 + "/exists").json().get("exists").asBoolean()).isFalse();
        try (var leftovers = Files.list(server.dataDir.resolve("blobs").resolve("tmp"))) {
            assertThat(leftovers).as("half-received files").isEmpty();
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing was ever received
        }
    }

    @Test
    void anUploadTheServerCannotKeepInItsFilesIsItsOwnFailureNotABadRequest() throws Exception {
        Path temp = server.dataDir.resolve("blobs").resolve("tmp");
        Path aside = temp.resolveSibling("tmp-aside");
        Files.createDirectories(temp);
        Files.move(temp, aside);
        Files.writeString(temp, "a file where the temp folder should be");
        try {
            Multipart form = new Multipart().field("client", practice.client.id().toString())
                    .file("file", "r.jpg", "image/jpeg", new byte[300_000]);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/v1/receipts/upload"))
                    .header("Authorization", "Bearer " + practice.accountant.token())
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
            assertThat(answer.body()).contains("INTERNAL_ERROR").contains("incident");
        } finally {
            Files.delete(temp);
            Files.move(aside, temp);
        }
    }

    @Test
    void aLongPollOutlivesTheIdleTimeout() {
        String pull = "/api/v1/sync/pull?client=" + practice.client.id();
        JsonNode page = practice.accountant.get(pull + "&after=0").json();
        long started = System.nanoTime();

        Response held = practice.accountant.get(pull + "&after=" + page.get("nextCursor").asText() + "&wait=3");

        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().get("changes")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(IDLE.multipliedBy(2));
    }

    /** Sends the headers and the start of a body of {@code length} bytes, then nothing: the server's answer. */
    private static String stallMidBody(String requestLine, String contentType, String start, int length,
            Map<String, String> headers) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) IDLE.multipliedBy(20).toMillis());
            StringBuilder request = new StringBuilder(requestLine + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + practice.accountant.token() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n").append(start);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static long transactionCount() throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select count(*) from transactions")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The status line, the headers and a body of Content-Length bytes (or chunks up to the last). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : readChunks(in);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                size.append((char) b);
            }
            int bytes = Integer.parseInt(size.toString().strip(), 16);
            if (bytes == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(bytes));
            in.readNBytes(2);
        }
    }
}
