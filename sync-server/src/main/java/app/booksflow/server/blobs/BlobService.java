package app.booksflow.server.blobs;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.blobs.BlobStore.Incoming;
import app.booksflow.server.blobs.MediaSniffer.Sniffed;
import app.booksflow.server.db.Db;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Receipt files, stored once by content hash for the whole server. Anyone signed in may upload; a
 * file is only readable through a receipt the caller may see, and its existence is only confirmed to
 * someone who uploaded it or may read it, so one practice cannot probe another's files by hash.
 */
public final class BlobService {

    /** A file now on the server; {@code created} is false when it was there already. */
    public record Stored(Sha256 sha256, long size, ReceiptMediaType mediaType, boolean created) {
    }

    /** A stored file the caller may read. */
    public record BlobInfo(Sha256 sha256, long size, String mediaType) {
    }

    private final Db db;
    private final Clock clock;
    private final BlobStore files;
    private final long maxBytes;

    public BlobService(Db db, Clock clock, Path blobDir, long maxBytes) {
        this.db = db;
        this.clock = clock;
        this.files = new BlobStore(blobDir);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Receives, verifies and stores a file. Every refusal (too large, empty, not the named hash, not a
     * receipt type) happens before anything is recorded, and the temp file is removed on every path
     * out; the row and the file appear together in one database transaction. A file named by its hash
     * whose upload breaks off leaves what arrived for its sender to go on with ({@link #resume}).
     */
    public Stored store(Caller caller, InputStream content, Optional<Sha256> expected) {
        Optional<Path> keepAs = expected.map(hash -> files.partial(caller.user().value(), hash));
        Stored stored;
        try (Incoming upload = files.receive(content, maxBytes, keepAs)) {
            stored = verifyAndRecord(caller, upload, expected);
        }
        keepAs.ifPresent(files::dropPartial); // sent whole after all: what an earlier attempt left is of no use
        return stored;
    }

    /** How many bytes of the file the caller's upload that broke off left on the server; 0 when none. */
    public long received(Caller caller, Sha256 sha256) {
        return files.received(caller.user().value(), sha256);
    }

    /**
     * Goes on with the caller's upload of a file that broke off: {@code length} bytes from {@code offset}
     * of a file of {@code total}. The file is stored once all of it is here, verified as any upload is
     * (a file that turns out not to be the named hash is refused and its pieces dropped); until then the
     * answer is empty and what arrived is kept.
     */
    public Optional<Stored> resume(Caller caller, Sha256 sha256, long offset, long length, long total,
            InputStream content) {
        if (total > maxBytes) {
            throw ApiException.tooLarge("The file is larger than the limit of " + maxBytes + " bytes.");
        }
        Optional<Incoming> whole = files.resume(caller.user().value(), sha256, offset, length, total, content);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        try (Incoming upload = whole.get()) {
            return Optional.of(verifyAndRecord(caller, upload, Optional.of(sha256)));
        }
    }

    private Stored verifyAndRecord(Caller caller, Incoming upload, Optional<Sha256> expected) {
        if (upload.size == 0) {
            throw ApiException.badRequest("EMPTY_FILE", "The file is empty.");
        }
        if (expected.isPresent() && !expected.get().equals(upload.sha256)) {
            throw ApiException.badRequest("HASH_MISMATCH", "The file's SHA-256 is " + upload.sha256
                    + " but the request names " + expected.get() + "; the file was changed or cut short on the way.");
        }
        Sniffed sniffed = MediaSniffer.sniff(upload.head);
        ReceiptMediaType type = sniffed.type().orElseThrow(() -> ApiException.unsupportedMediaType(
                "The file is " + sniffed.description() + ", not a JPEG, PNG, TIFF or PDF; receipts must be one of these."));
        boolean created = db.inTransaction("store blob", c -> record(c, caller, upload, type));
        return new Stored(upload.sha256, upload.size, type, created);
    }

    private boolean record(Connection c, Caller caller, Incoming upload, ReceiptMediaType type) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        boolean inserted;
        // A concurrent upload of the same file waits here on the primary key until the first one commits.
        try (PreparedStatement insert = c.prepareStatement("""
                insert into blobs (sha256, size, media_type, stored_at) values (?, ?, ?, ?)
                on conflict (sha256) do nothing""")) {
            insert.setString(1, upload.sha256.hex());
            insert.setLong(2, upload.size);
            insert.setString(3, type.mimeType());
            insert.setTimestamp(4, now);
            inserted = insert.executeUpdate() == 1;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into blob_uploads (sha256, user_id, uploaded_at) values (?, ?, ?)
                on conflict (sha256, user_id) do nothing""")) {
            insert.setString(1, upload.sha256.hex());
            insert.setObject(2, caller.user().value());
            insert.setTimestamp(3, now);
            insert.executeUpdate();
        }
        // Also repairs a row whose file went missing (a restore of the database without the files).
        if (inserted || !files.exists(upload.sha256)) {
            files.publish(upload);
        }
        return inserted;
    }

    /** The file, if it exists and a receipt of a client the caller may access refers to it. */
    public Optional<BlobInfo> readable(Caller caller, Sha256 sha256) {
        return db.read("readable blob", c -> readable(c, caller, sha256));
    }

    /** Whether the caller may know that the server has this file: they uploaded it or may read it. */
    public boolean exists(Caller caller, Sha256 sha256) {
        return db.read("blob exists", c -> uploadedBy(c, caller, sha256) || readable(c, caller, sha256).isPresent());
    }

    /** The content of a file {@link #readable} returned; the caller closes it. */
    public InputStream open(BlobInfo blob) {
        return files.open(blob.sha256());
    }

    private static Optional<BlobInfo> readable(Connection c, Caller caller, Sha256 sha256) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select distinct b.size, b.media_type, r.client_id
                from blobs b
                join receipts r on r.sha256 = b.sha256
                where b.sha256 = ? and r.organization_id = ?""")) {
            select.setString(1, sha256.hex());
            select.setObject(2, caller.organization().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (caller.mayAccess(new ClientId(row.getObject(3, UUID.class)))) {
                        return Optional.of(new BlobInfo(sha256, row.getLong(1), row.getString(2)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean uploadedBy(Connection c, Caller caller, Sha256 sha256) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select 1 from blob_uploads where sha256 = ? and user_id = ?")) {
            select.setString(1, sha256.hex());
            select.setObject(2, caller.user().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
