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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Receipt files by content hash: upload with PUT, read with GET (or HEAD) through a receipt the
 * caller may see, and ask whether the server already has a file before sending it.
 */
public final class BlobRoutes implements RouteGroup {

    /** The answer to an upload. */
    record StoredBlob(String sha256, long size, String mediaType) {
    }

    /**
     * The answer to "does the server have this file?", with how much of it the caller's upload that broke
     * off left on the server (0 when none): the byte to go on from (ADR 0044).
     */
    record Existence(String sha256, boolean exists, long received) {
    }

    /** The answer to a piece of an upload that leaves the file still incomplete. */
    record Partial(String sha256, long received, long size) {
    }

    /** {@code bytes first-last/total}: which bytes of the whole file the body holds. */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,15})-(\\d{1,15})/(\\d{1,15})");

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
            Caller caller = Requests.caller(ctx);
            boolean exists = blobs.exists(caller, sha256);
            ctx.json(new Existence(sha256.hex(), exists, exists ? 0 : blobs.received(caller, sha256)));
        });
    }

    private void upload(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Sha256 expected = hash(ctx);
        refuseDeclaredTooLarge(ctx, blobs.maxBytes());
        String range = ctx.header("Content-Range");
        BlobService.Stored stored;
        if (range == null) {
            stored = blobs.store(caller, ctx.bodyInputStream(), Optional.of(expected));
        } else {
            Matcher parts = CONTENT_RANGE.matcher(range.strip());
            if (!parts.matches()) {
                throw ApiException.badRequest("INVALID_RANGE", "Content-Range must name the bytes sent of the whole "
                        + "file, as in 'bytes 40000-99999/100000'; got '" + abbreviate(range) + "'.");
            }
            long first = Long.parseLong(parts.group(1));
            long last = Long.parseLong(parts.group(2));
            long total = Long.parseLong(parts.group(3));
            if (first > last || last >= total) {
                throw ApiException.badRequest("INVALID_RANGE", "The range '" + range.strip() + "' is not within a file of "
                        + total + " bytes.");
            }
            Optional<BlobService.Stored> whole = blobs.resume(caller, expected, first, last - first + 1, total,
                    ctx.bodyInputStream());
            if (whole.isEmpty()) {
                ctx.status(202).json(new Partial(expected.hex(), last + 1, total));
                return;
            }
            stored = whole.get();
        }
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
