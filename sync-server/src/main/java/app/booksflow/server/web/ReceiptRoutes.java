package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.server.ApiException;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.receipts.ReceiptUploadService;
import app.booksflow.server.receipts.ReceiptUploadService.UploadedReceipt;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A receipt in one request, as a browser form or a phone sends it: multipart with the file and its client. */
public final class ReceiptRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRoutes.class);
    /** Room for the form fields and part headers next to the file. */
    private static final long FORM_OVERHEAD_BYTES = 64 * 1024;
    /** Small files stay in memory while the request is parsed; larger ones go to a temp file. */
    private static final int IN_MEMORY_BYTES = 64 * 1024;

    private final ReceiptUploadService receipts;
    private final long maxBlobBytes;

    public ReceiptRoutes(ReceiptUploadService receipts, long maxBlobBytes) {
        this.receipts = receipts;
        this.maxBlobBytes = maxBlobBytes;
    }

    /** Jetty's multipart parser enforces the same file limit as a PUT of a blob. */
    static void limitMultipart(MultipartConfig multipart, ServerConfig config) {
        multipart.cacheDirectory(config.blobDir().resolve("tmp").toString());
        multipart.maxFileSize(config.maxBlobBytes(), SizeUnit.BYTES);
        multipart.maxTotalRequestSize(config.maxBlobBytes() + FORM_OVERHEAD_BYTES, SizeUnit.BYTES);
        multipart.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/receipts/upload", this::upload);
    }

    private void upload(Context ctx) {
        Caller caller = Requests.caller(ctx);
        if (!ctx.isMultipartFormData()) {
            throw ApiException.unsupportedMediaType("Send the receipt as multipart/form-data with a \"file\" part and a \"client\" field.");
        }
        BlobRoutes.refuseDeclaredTooLarge(ctx, maxBlobBytes + FORM_OVERHEAD_BYTES);
        UploadedFile file = parts(ctx);
        try {
            receive(ctx, caller, file);
        } finally {
            discardParts(ctx);
        }
    }

    private void receive(Context ctx, Caller caller, UploadedFile file) {
        ClientId client = Requests.formId(ctx, "client", ClientId::new).orElseThrow(
                () -> ApiException.badRequest("MISSING_PARAMETER", "The form field 'client' is required."));
        Optional<TransactionId> transaction = Requests.formId(ctx, "transaction", TransactionId::new);
        if (file == null) {
            throw ApiException.badRequest("MISSING_FILE", "The form has no \"file\" part; attach the receipt as \"file\".");
        }
        Optional<UUID> key = idempotencyKey(ctx);
        try (InputStream content = file.content()) {
            UploadedReceipt uploaded = receipts.upload(caller, client, transaction, key, file.filename(), content);
            ctx.json(uploaded.receipt().deepCopy().put("version", uploaded.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded part", e);
        }
    }

    /** Parses the form; Jetty's refusal of an oversized part becomes the usual 413. */
    private UploadedFile parts(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // also the checked ServletException, which Javalin's Kotlin passes through undeclared
            if (isTooLarge(e)) {
                throw ApiException.tooLarge("The file is larger than the limit of " + maxBlobBytes + " bytes.");
            }
            throw ApiException.unreadableBody(e, "MALFORMED_MULTIPART", "The multipart form could not be read.");
        }
    }

    /** Jetty deletes the parts' temp files only once the response has gone out; the file is stored by now, so go sooner. */
    private static void discardParts(Context ctx) {
        try {
            for (Part part : ctx.req().getParts()) {
                part.delete();
            }
        } catch (Exception e) {
            LOG.debug("Jetty will delete the parts of {} when the request completes", ctx.path(), e);
        }
    }

    /** Jetty says so only in words: "max file size exceeded: N", "max length exceeded: N". */
    private static boolean isTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("size exceeded") || message.contains("length exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<UUID> idempotencyKey(Context ctx) {
        String header = ctx.header("Idempotency-Key");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(header.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "The Idempotency-Key header must be a UUID.");
        }
    }
}
