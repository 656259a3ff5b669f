package app.booksflow.server.support;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What a test server holds of receipt files: rows, files on disk, leftovers; and receipts that refer to them. */
public final class StoredBlobs {

    private final TestServer server;

    public StoredBlobs(TestServer server) {
        this.server = server;
    }

    public Path dir() {
        return server.dataDir.resolve("blobs");
    }

    /** Where the content-addressed file of this hash lives. */
    public Path file(String sha256) {
        return dir().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Every file under the blob folder: stored blobs and anything an upload left behind. */
    public List<Path> allFiles() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows(String sha256) {
        return count("select count(*) from blobs where sha256 = ?", sha256);
    }

    public long count(String sql, Object... params) {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A receipt synced from a device that refers to the file, as the desktop app creates them. */
    public static ReceiptId pushReceipt(ApiClient who, ClientId client, byte[] content, ReceiptMediaType type) {
        Device device = new Device(who);
        Receipt receipt = Receipt.received(ReceiptId.random(), client, new StoredFile(
                new Sha256(ReceiptFiles.sha256(content)), "scan." + type.name().toLowerCase(), type, content.length),
                Instant.parse("2025-06-02T08:00:00Z"));
        var outcome = device.pushOk(device.upsert(client, EntityType.RECEIPT, receipt.id().value(), 0, receipt)).get(0);
        if (!"applied".equals(outcome.get("outcome").asText())) {
            throw new IllegalStateException("The receipt was not applied: " + outcome);
        }
        return receipt.id();
    }
}
