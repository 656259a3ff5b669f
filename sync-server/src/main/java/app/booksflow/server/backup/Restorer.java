package app.booksflow.server.backup;

import app.booksflow.server.backup.Manifest.NamedSequence;
import app.booksflow.server.backup.Manifest.SequenceEntry;
import app.booksflow.server.backup.Manifest.TableEntry;
import app.booksflow.server.backup.SchemaCatalog.SerialColumn;
import app.booksflow.server.backup.SchemaCatalog.Table;
import app.booksflow.server.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into an empty database: migrates it to the backup's schema version, then loads every
 * table with COPY in one transaction (all or nothing), sets the sequences and refreshes the materialized
 * views. The audit trail's rows come back byte for byte, so its hash chain verifies as before.
 */
public final class Restorer {

    /** What was restored. */
    public record Result(Manifest manifest, int blobFilesWritten) {
    }

    public Result restore(BackupArchive archive, DataSource dataSource, Path blobDir) {
        Manifest manifest = archive.manifest();
        String known = Database.latestVersion(dataSource);
        if (Database.isNewer(manifest.schemaVersion(), known)) {
            throw new BackupException("The backup has schema version " + manifest.schemaVersion()
                    + ", newer than this server knows (" + known + "): restore it with a server at least as new as the one that made it.");
        }
        try {
            requireEmpty(dataSource, manifest.schemaVersion());
            Database.migrate(dataSource, manifest.schemaVersion());
            int blobs = BlobFiles.restore(archive, manifest.blobs(), blobDir);
            load(archive, dataSource);
            return new Result(manifest, blobs);
        } catch (SQLException | IOException e) {
            throw new BackupException("The restore failed and its database transaction was rolled back: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(DataSource dataSource, String backupVersion) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = SchemaCatalog.allTables(connection);
            if (tables.isEmpty()) {
                return;
            }
            if (!tables.contains(SchemaCatalog.SCHEMA_HISTORY)) {
                throw new BackupException("The database holds tables that are not BooksFlow's ("
                        + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                        + "): restore only into an empty database. Nothing was changed.");
            }
            Optional<String> withRows = SchemaCatalog.read(connection).firstTableWithRows(connection);
            if (withRows.isPresent()) {
                throw new BackupException("The database is not empty (the table " + withRows.get() + " holds rows): "
                        + "restore only into an empty database, such as a new one or a new data directory. Nothing was changed.");
            }
        }
        Optional<String> current = Database.currentVersion(dataSource);
        if (current.isPresent() && Database.isNewer(current.get(), backupVersion)) {
            throw new BackupException("The database's schema (version " + current.get() + ") is newer than the backup's ("
                    + backupVersion + "): restore into a new, empty database. Nothing was changed.");
        }
    }

    private static void load(BackupArchive archive, DataSource dataSource) throws SQLException, IOException {
        Manifest manifest = archive.manifest();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SchemaCatalog catalog = SchemaCatalog.read(connection);
                Map<String, TableEntry> entries = requireSameTables(catalog, manifest);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Table table : catalog.tables()) {
                    copyIn(copy, archive, entries.get(table.name()));
                }
                setSequences(connection, catalog, manifest.sequences());
                setStandaloneSequences(connection, catalog, manifest);
                for (String view : catalog.materializedViews()) {
                    try (Statement refresh = connection.createStatement()) {
                        refresh.execute("refresh materialized view " + SchemaCatalog.quote(view));
                    }
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            // Fresh statistics: until autovacuum gets to the restored tables, the planner would take them
            // for empty and, for example, sort a client's whole audit trail to show its newest page.
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze");
            }
        }
    }

    /** The rows of the backup must fit the schema exactly: same tables, same columns. */
    private static Map<String, TableEntry> requireSameTables(SchemaCatalog catalog, Manifest manifest) {
        Map<String, TableEntry> entries = manifest.tables().stream()
                .collect(Collectors.toMap(TableEntry::name, Function.identity(), (a, b) -> a));
        Set<String> inSchema = catalog.tables().stream().map(Table::name).collect(Collectors.toSet());
        if (!inSchema.equals(entries.keySet())) {
            Set<String> missing = new HashSet<>(inSchema);
            missing.removeAll(entries.keySet());
            Set<String> unknown = new HashSet<>(entries.keySet());
            unknown.removeAll(inSchema);
            throw new BackupException("The backup does not fit schema version " + manifest.schemaVersion()
                    + ": tables missing from it " + missing + ", tables the schema lacks " + unknown + ".");
        }
        for (Table table : catalog.tables()) {
            if (!Set.copyOf(table.columns()).equals(Set.copyOf(entries.get(table.name()).columns()))) {
                throw new BackupException("The backup's columns of " + table.name() + " do not fit schema version "
                        + manifest.schemaVersion() + ".");
            }
        }
        return entries;
    }

    private static void copyIn(CopyManager copy, BackupArchive archive, TableEntry entry) throws SQLException, IOException {
        try (InputStream rows = archive.read(entry.file())) {
            long loaded = copy.copyIn("copy " + SchemaCatalog.quote(entry.name()) + " ("
                    + BackupWriter.columnList(entry.columns()) + ") from stdin", rows);
            if (loaded != entry.rows()) {
                throw new BackupException("The backup's table " + entry.name() + " should hold " + entry.rows()
                        + " rows but loaded " + loaded + "; nothing was restored.");
            }
        }
    }

    private static void setSequences(Connection connection, SchemaCatalog catalog, List<SequenceEntry> sequences)
            throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement(
                "select setval(pg_get_serial_sequence(?, ?)::regclass, ?)")) {
            for (SequenceEntry sequence : sequences) {
                if (!catalog.serialColumns().contains(new SerialColumn(sequence.table(), sequence.column()))) {
                    throw new BackupException("The backup has a sequence for " + sequence.table() + "." + sequence.column()
                            + ", a column that is not serial in this schema.");
                }
                setval.setString(1, SchemaCatalog.quote(sequence.table()));
                setval.setString(2, sequence.column());
                setval.setLong(3, sequence.lastValue());
                setval.executeQuery().close();
            }
        }
    }

    private static void setStandaloneSequences(Connection connection, SchemaCatalog catalog, Manifest manifest)
            throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?)")) {
            for (NamedSequence sequence : manifest.standaloneSequencesOrNone()) {
                if (!catalog.standaloneSequences().contains(sequence.name())) {
                    throw new BackupException("The backup does not fit schema version " + manifest.schemaVersion()
                            + ": it has a sequence " + sequence.name() + " that the schema lacks.");
                }
                setval.setString(1, SchemaCatalog.quote(sequence.name()));
                setval.setLong(2, sequence.lastValue());
                setval.executeQuery().close();
            }
        }
    }
}
