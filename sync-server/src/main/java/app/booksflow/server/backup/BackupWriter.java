package app.booksflow.server.backup;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.backup.Manifest.BlobEntry;
import app.booksflow.server.backup.Manifest.NamedSequence;
import app.booksflow.server.backup.Manifest.SequenceEntry;
import app.booksflow.server.backup.Manifest.TableEntry;
import app.booksflow.server.backup.SchemaCatalog.SerialColumn;
import app.booksflow.server.backup.SchemaCatalog.Table;
import app.booksflow.server.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a logical snapshot: every application table through COPY, all in one read-only REPEATABLE READ
 * transaction (so the tables agree with each other while the server keeps working), plus the receipt
 * files and a manifest, into one zip. See docs/decisions/0010-logical-backups.md.
 */
public final class BackupWriter {

    private final ObjectMapper json = BooksFlowJson.newMapper();
    private final Clock clock;

    public BackupWriter(Clock clock) {
        this.clock = clock;
    }

    public Manifest write(DataSource dataSource, Path blobDir, Path target) {
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already: choose a new name, so that no backup is overwritten by mistake.");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new BackupException("The folder " + folder + " does not exist; create it first.");
        }
        String schemaVersion = Database.currentVersion(dataSource)
                .orElseThrow(() -> new BackupException("The database has no BooksFlow schema: there is nothing to back up."));
        // Written beside the target and renamed when complete: a file under the final name is always a whole backup.
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".partial");
        try {
            Manifest manifest;
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))) {
                manifest = writeContent(dataSource, blobDir, zip, schemaVersion);
                zip.putNextEntry(new ZipEntry(Manifest.FILE));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private Manifest writeContent(DataSource dataSource, Path blobDir, ZipOutputStream zip, String schemaVersion)
            throws SQLException, IOException {
        List<TableEntry> tables = new ArrayList<>();
        List<SequenceEntry> sequences;
        List<NamedSequence> standalone;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                SchemaCatalog catalog = SchemaCatalog.read(connection);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Table table : catalog.tables()) {
                    tables.add(writeTable(copy, table, zip));
                }
                sequences = sequences(connection, catalog.serialColumns());
                standalone = standaloneSequences(connection, catalog.standaloneSequences());
            } finally {
                connection.rollback(); // read only: there is nothing to commit
            }
        }
        List<BlobEntry> blobs = BlobFiles.write(blobDir, zip);
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, schemaVersion, clock.instant(),
                List.copyOf(tables), sequences, standalone, blobs);
    }

    private static TableEntry writeTable(CopyManager copy, Table table, ZipOutputStream zip) throws SQLException, IOException {
        String file = "tables/" + table.name() + ".copy";
        zip.putNextEntry(new ZipEntry(file));
        MessageDigest digest = Sha256.digest();
        long rows = copy.copyOut("copy " + SchemaCatalog.quote(table.name()) + " (" + columnList(table.columns())
                + ") to stdout", new DigestOutputStream(new BlobFiles.Unclosable(zip), digest));
        zip.closeEntry();
        return new TableEntry(table.name(), table.columns(), rows, file, Sha256.hex(digest));
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
    }

    /** Sequences are not transactional: the value read here is at least the highest id the snapshot holds. */
    private static List<SequenceEntry> sequences(Connection connection, List<SerialColumn> serials) throws SQLException {
        List<SequenceEntry> sequences = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select pg_sequence_last_value(pg_get_serial_sequence(?, ?)::regclass)")) {
            for (SerialColumn serial : serials) {
                select.setString(1, SchemaCatalog.quote(serial.table()));
                select.setString(2, serial.column());
                lastValue(select).ifPresent(value -> sequences.add(new SequenceEntry(serial.table(), serial.column(), value)));
            }
        }
        return List.copyOf(sequences);
    }

    private static List<NamedSequence> standaloneSequences(Connection connection, List<String> names) throws SQLException {
        List<NamedSequence> sequences = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select pg_sequence_last_value(?::regclass)")) {
            for (String name : names) {
                select.setString(1, SchemaCatalog.quote(name));
                lastValue(select).ifPresent(value -> sequences.add(new NamedSequence(name, value)));
            }
        }
        return List.copyOf(sequences);
    }

    /** Empty when the sequence was never used. */
    private static OptionalLong lastValue(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() && row.getObject(1) != null ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The partial file is named as such; leaving it behind misleads nobody.
        }
    }
}
