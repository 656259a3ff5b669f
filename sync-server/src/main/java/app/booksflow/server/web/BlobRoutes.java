package app.booksflow.server.web;

import app.booksflow.model.DomainException;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.blobs.BlobService;
import app.booksflow.server.blobs.BlobService.BlobInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Receipt files by content hash: upload with PUT, read with GET (or HEAD) through a receipt the
 * caller may see, and ask whether the server already has a file before sending it.
 */
public final class BlobRoutes implements RouteGroup {

    /** The answer to an upload. */
    record StoredBlob(String sha256, long size, String mediaType) {
    }

    /** The answer to "does the server have this file?". */
    record Existence(String sha256, boolean exists) {
    }

    // The content behind a hash never changes, so a device may keep its copy; "private" keeps it out of shared caches.
    private static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    private final BlobService blobs;

    public BlobRoutes(BlobService blobs) {
        this.blobs = blobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/v1/blobs/{sha256}", this::upload);
        routes.get("/api/v1/blobs/{sha256}", ctx -> download(ctx, true));
        routes.head("/api/v1/blobs/{sha256}", ctx -> download(ctx, false));
        routes.get("/api/v1/blobs/{sha256}/exists", ctx -> {
            Sha256 sha256 = hash(ctx);
            ctx.json(new Existence(sha256.hex(), blobs.exists(Requests.caller(ctx), sha256)));
        });
    }

    private void upload(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Sha256 expected = hash(ctx);
        refuseDeclaredTooLarge(ctx, blobs.maxBytes());
        BlobService.Stored stored = blobs.store(caller, ctx.bodyInputStream(), Optional.of(expected));
        if (stored.created()) {
            ctx.status(201).header("Location", "/api/v1/blobs/" + stored.sha256().hex());
        }
        ctx.json(new StoredBlob(stored.sha256().hex(), stored.size(), stored.mediaType().mimeType()));
    }

    private void download(Context ctx, boolean withBody) {
        Caller caller = Requests.caller(ctx);
        Sha256 sha256 = hash(ctx);
        // The same 404 whether the file is missing or belongs to someone else: existence is not revealed.
        BlobInfo blob = blobs.readable(caller, sha256).orElseThrow(() -> ApiException.notFound("File " + sha256));
        ctx.header("ETag", "\"" + sha256.hex() + "\"");
        ctx.header("Cache-Control", CACHE_CONTROL);
        if (matches(ctx.header("If-None-Match"), sha256)) {
            ctx.status(304);
            return;
        }
        // Receipts are already compressed (or PDFs the viewer streams); gzip would also drop the length.
        ctx.disableCompression();
        ctx.contentType(blob.mediaType());
        ctx.header("Content-Length", Long.toString(blob.size()));
        if (withBody) {
            ctx.result(blobs.open(blob));
        }
    }

    /** Refuses before reading a byte when the sender says the body is too large. */
    static void refuseDeclaredTooLarge(Context ctx, long maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw ApiException.tooLarge("The upload is larger than the limit of " + maxBytes + " bytes.");
        }
    }

    private static Sha256 hash(Context ctx) {
        String value = ctx.pathParam("sha256");
        try {
            return new Sha256(value);
        } catch (DomainException e) {
            throw ApiException.badRequest("INVALID_HASH", "'" + abbreviate(value)
                    + "' is not a SHA-256 hash; files are addressed by the 64 hex digits of their SHA-256.");
        }
    }

    /** If-None-Match holds one or more entity tags, quoted, perhaps weak, or "*". */
    private static boolean matches(String ifNoneMatch, Sha256 sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.replace("\"", "").equalsIgnoreCase(sha256.hex())) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
