package app.booksflow.desktop.sync;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.protocol.ApiError;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.PullResponse;
import app.booksflow.protocol.PushRequest;
import app.booksflow.protocol.PushResponse;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * The sync protocol over HTTP (OkHttp): sign-in, push, pull, watch, checksums and receipt files by hash.
 * Every failure comes out as a {@link SyncException} saying whether trying again can help; nothing here
 * retries by itself.
 */
public final class SyncClient implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Long polls wait up to this long on the server; the read timeout leaves room for the answer. */
    public static final int WATCH_SECONDS = 25;

    private final HttpUrl base;
    private final OkHttpClient http;
    /** For receipt files: a broken upload is not sent again whole by OkHttp, the caller goes on from the server's byte. */
    private final OkHttpClient uploads;
    private final ObjectMapper json = BooksFlowJson.newMapper();

    /** What signing in gives: the token and who it is for. */
    public record SignedIn(String token, UserId user, OrganizationId organization, String email) {
        @Override
        public String toString() {
            return "SignedIn[" + email + "]"; // never the token
        }
    }

    private SyncClient(HttpUrl base, OkHttpClient http) {
        this.base = base;
        this.http = http;
        this.uploads = http.newBuilder().retryOnConnectionFailure(false).build();
    }

    /** @param serverUrl such as {@code https://books.example.com} or {@code http://office-pc:8080} */
    public static SyncClient connect(String serverUrl) {
        HttpUrl url = parse(serverUrl);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(WATCH_SECONDS + 20))
                .writeTimeout(Duration.ofSeconds(30))
                // A pooled connection the network dropped meanwhile is retried on a fresh one: every request
                // of the protocol may be repeated (pushes are recognised by their mutation ids).
                .retryOnConnectionFailure(true)
                .build();
        return new SyncClient(url, http);
    }

    static HttpUrl parse(String serverUrl) {
        String text = serverUrl == null ? "" : serverUrl.strip();
        if (!text.isEmpty() && !text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null || !(url.scheme().equals("http") || url.scheme().equals("https"))) {
            throw new IllegalArgumentException("\"" + serverUrl + "\" is not a server address; write it like "
                    + "https://books.example.com or http://office-pc:8080.");
        }
        return url.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }

    public String serverUrl() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public SignedIn signIn(String email, char[] password) {
        JsonNode answer = call(null, post("api/v1/auth/login", Map.of("email", email, "password", new String(password))),
                JsonNode.class);
        JsonNode user = answer.path("user");
        return new SignedIn(answer.path("token").asText(), new UserId(UUID.fromString(user.path("id").asText())),
                new OrganizationId(UUID.fromString(user.path("organization").asText())), user.path("email").asText(email));
    }

    public PushResponse push(String token, PushRequest request) {
        return call(token, post("api/v1/sync/push", request), PushResponse.class);
    }

    public PullResponse pull(String token, ClientId client, Cursor after, int limit, int waitSeconds) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/sync/pull")
                .addQueryParameter("client", client.toString()).addQueryParameter("after", after.token())
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("wait", Integer.toString(waitSeconds)).build();
        return call(token, new Request.Builder().url(url).get(), PullResponse.class);
    }

    /** @param device named so that the server's monitoring can show how far behind each device is */
    public WatchResponse watch(String token, DeviceId device, WatchRequest request) {
        return call(token, post("api/v1/sync/watch", request).header(ProtocolVersion.DEVICE_HEADER, device.toString()),
                WatchResponse.class);
    }

    public ClientChecksum checksum(String token, ClientId client) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/sync/checksum")
                .addQueryParameter("client", client.toString()).build();
        return call(token, new Request.Builder().url(url).get(), ClientChecksum.class);
    }

    /** What the server has of a receipt file: all of it, or the start that this user's upload left when it broke off. */
    public record BlobStatus(boolean exists, long received) {
    }

    /**
     * Whether the server has the receipt file, and otherwise how many bytes of this user's earlier upload of it
     * it kept when that broke off. It only says yes to a user who uploaded the file or may read it, so "no" may
     * also mean "someone else's": uploading it then costs a transfer and stores nothing new.
     */
    public BlobStatus blobStatus(String token, Sha256 sha256) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/blobs").addPathSegment(sha256.hex())
                .addPathSegment("exists").build();
        JsonNode answer = call(token, new Request.Builder().url(url).get(), JsonNode.class);
        return new BlobStatus(answer.path("exists").asBoolean(false), Math.max(0, answer.path("received").asLong(0)));
    }

    /**
     * Uploads a receipt file under its hash from byte {@code from} on, streamed from the file (never whole in
     * memory); the server checks the hash, size and type of the whole file before it keeps anything. From a
     * byte other than the first, the request names the range it sends (ADR 0044): the server appends it to
     * the start it kept of an upload that broke off. {@code sent} is told how far into the file the upload
     * has got as it goes. The request is not repeated by the HTTP client: after a break, the caller asks
     * the server what it kept and goes on from there.
     */
    public void uploadBlob(String token, Sha256 sha256, Path file, ReceiptMediaType type, long from, LongConsumer sent) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/blobs").addPathSegment(sha256.hex()).build();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the receipt file " + file, e);
        }
        long start = from > 0 && from < size ? from : 0;
        Request.Builder request = new Request.Builder().url(url)
                .put(new FileRangeBody(file, start, size - start, MediaType.get(type.mimeType()), sent));
        if (start > 0) {
            request.header("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size);
        }
        call(uploads, token, request, JsonNode.class);
    }

    /**
     * The bytes of a file from an offset, streamed (sent again whole if the request is repeated), telling
     * how far into the file they have gone every {@value #REPORT_EVERY} bytes, at most ten times a second
     * (each report refreshes the status bar), and at the end.
     */
    private static final class FileRangeBody extends RequestBody {
        private static final long REPORT_EVERY = 256 * 1024;
        private static final long REPORT_NANOS = Duration.ofMillis(100).toNanos();

        private final Path file;
        private final long offset;
        private final long length;
        private final MediaType type;
        private final LongConsumer sent;

        FileRangeBody(Path file, long offset, long length, MediaType type, LongConsumer sent) {
            this.file = file;
            this.offset = offset;
            this.length = length;
            this.type = type;
            this.sent = sent;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (FileChannel channel = FileChannel.open(file);
                    Source source = Okio.source(Channels.newInputStream(channel.position(offset)))) {
                long done = 0;
                long reported = 0;
                long reportedAt = System.nanoTime();
                Buffer buffer = new Buffer();
                while (done < length) {
                    long read = source.read(buffer, Math.min(length - done, 64 * 1024));
                    if (read < 0) {
                        throw new IOException("The receipt file " + file + " is shorter than it was");
                    }
                    sink.write(buffer, read);
                    done += read;
                    boolean due = done - reported >= REPORT_EVERY && System.nanoTime() - reportedAt >= REPORT_NANOS;
                    if (due || done == length) {
                        sink.flush();
                        sent.accept(offset + done);
                        reported = done;
                        reportedAt = System.nanoTime();
                    }
                }
            }
        }
    }

    /** Reads a streamed answer; an {@link IOException} of the stream is the connection breaking. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Downloads a receipt file the caller may read (through a receipt of a client they may access),
     * handing its content to the reader as it arrives; the same 404 whether it is missing or not theirs.
     */
    public <T> T downloadBlob(String token, Sha256 sha256, BodyReader<T> reader) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/blobs").addPathSegment(sha256.hex()).build();
        Request.Builder request = new Request.Builder().url(url).get()
                .header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw failure(response.code(), body);
            }
            try (InputStream in = body.byteStream()) {
                return reader.read(in);
            }
        } catch (IOException e) {
            throw offline(e);
        }
    }

    private Request.Builder post(String path, Object body) {
        try {
            return new Request.Builder().url(base.newBuilder().addPathSegments(path).build())
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T call(String token, Request.Builder request, Class<T> type) {
        return call(http, token, request, type);
    }

    private <T> T call(OkHttpClient through, String token, Request.Builder request, Class<T> type) {
        request.header(ProtocolVersion.HEADER, Integer.toString(ProtocolVersion.CURRENT));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Request built = request.build();
        try (Response response = through.newCall(built).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw failure(response.code(), body);
            }
            try (InputStream in = body.byteStream()) {
                return json.readValue(in, type);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IOException io && !(e instanceof com.fasterxml.jackson.core.JacksonException)) {
                    throw offline(io);
                }
                throw new SyncException(SyncException.Kind.SERVER, response.code(), "UNREADABLE_ANSWER",
                        "The server's answer could not be read (" + e.getMessage() + ").", e);
            }
        } catch (IOException e) {
            throw offline(e);
        }
    }

    private SyncException offline(IOException e) {
        if (isCertificateProblem(e)) {
            // Still worth repeating (the admin may renew the certificate), but not "cannot be reached".
            return new SyncException(SyncException.Kind.OFFLINE, 0, "CERTIFICATE", "The server at " + base.host()
                    + " showed a certificate this computer does not trust for that address (" + e.getMessage()
                    + "). Use the address the practice's admin gave, with the name the certificate carries.", e);
        }
        return new SyncException(SyncException.Kind.OFFLINE, 0, "OFFLINE", "The server at " + base.host()
                + " cannot be reached (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
    }

    private static boolean isCertificateProblem(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private SyncException failure(int status, ResponseBody body) {
        String code = "HTTP_" + status;
        String message = "The server answered " + status + ".";
        try {
            ApiError error = json.readValue(body.byteStream(), ApiError.class);
            code = error.error();
            message = error.message();
        } catch (IOException | RuntimeException e) {
            // not our error shape (a proxy's page): the status says enough
        }
        SyncException.Kind kind = status == 401 ? SyncException.Kind.SIGNED_OUT
                : status >= 500 ? SyncException.Kind.SERVER : SyncException.Kind.REFUSED;
        return new SyncException(kind, status, code.toUpperCase(Locale.ROOT), message, null);
    }

    /** Cancels every request in flight (a waiting long poll ends at once with an error). */
    public void cancelAll() {
        http.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
