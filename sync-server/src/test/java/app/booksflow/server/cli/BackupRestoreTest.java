package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.backup.Manifest;
import app.booksflow.server.backup.SchemaCatalog;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestDatabases;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A practice with books, sessions, an audit trail, metrics and a receipt file, backed up once and restored. */
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOB = "3f/3f2a9c0e8b7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3";
    private static final String BROKEN_OFF = "0195a1b2-0003-7a1c-9f00-000000000101-"
            + "3f2a9c0e8b7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615e4d3.part";
    private static final List<String> V1_TABLES = List.of("organizations", "users", "auth_tokens", "devices", "clients",
            "client_assignments", "entities", "accounts", "tax_codes", "transactions", "postings", "change_log",
            "applied_mutations", "audit_events", "audit_chain_heads", "daily_metrics", "performance_metrics", "blobs",
            "receipts");

    @TempDir
    static Path work;

    private static TestServer source;
    private static String sourceUrl;
    private static Path backup;
    private static String restoredUrl;
    private static Path restoredDataDir;
    private static Cli.Result restored;

    @BeforeAll
    static void backUpAndRestore() throws Exception {
        source = TestServer.start();
        sourceUrl = source.dataSource.getJdbcUrl();
        Practice practice = Practice.create(source, "backup");
        Device laptop = new Device(practice.accountant);
        List<Transaction> books = List.of(practice.purchase(LocalDate.of(2025, 5, 1), "Landlord Ltd", 120_000),
                practice.sale(LocalDate.of(2025, 5, 2), "Corner Cafe", 45_000),
                practice.purchase(LocalDate.of(2025, 5, 3), "Bean There", 450));
        for (Transaction transaction : books) {
            laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, transaction.id().value(), 0, transaction));
        }
        // Posted through the REST API: numbered by the server's own device sequence, which no column owns.
        for (int day = 10; day < 13; day++) {
            assertThat(practice.accountant.post("/api/v1/transactions",
                    practice.purchase(LocalDate.of(2025, 5, day), "Paper Co", 1_500)).status()).isEqualTo(201);
        }
        try (Connection connection = DriverManager.getConnection(sourceUrl);
                Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into performance_metrics (name, value, unit, at) values "
                    + "('push.ms', 12.5, 'ms', now()), ('pull.ms', 3.25, 'ms', now())");
            sql.execute("refresh materialized view dashboard_overview");
        }
        Path blob = source.dataDir.resolve("blobs").resolve(BLOB);
        Files.createDirectories(blob.getParent());
        Files.writeString(blob, "a scanned receipt");
        // An upload still arriving: not a receipt file yet, so not part of the backup.
        Path arriving = source.dataDir.resolve("blobs/tmp/upload-1.part");
        Files.createDirectories(arriving.getParent());
        Files.writeString(arriving, "half a scan");
        // The start of an upload that broke off, kept for its sender to go on with: not a receipt file either.
        Path brokenOff = source.dataDir.resolve("blobs/partial/" + BROKEN_OFF);
        Files.createDirectories(brokenOff.getParent());
        Files.writeString(brokenOff, "a third of a scan");

        backup = work.resolve("practice.zip");
        Cli.Result written = Cli.run(Cli.on(sourceUrl, source.dataDir, "backup", "--to", backup.toString()));
        assertThat(written.exitCode()).as(written.err()).isZero();

        restoredUrl = TestDatabases.emptyDatabaseUrl();
        restoredDataDir = work.resolve("restored");
        restored = Cli.run(Cli.on(restoredUrl, restoredDataDir, "restore", "--from", backup.toString()));
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void restoreReproducesEveryTableRowForRow() throws SQLException {
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        Map<String, String> original = TableFingerprints.of(sourceUrl);

        assertThat(original.keySet()).containsAll(V1_TABLES);
        assertThat(TableFingerprints.of(restoredUrl)).isEqualTo(original);
        assertThat(TableFingerprints.count(restoredUrl, "select count(*) from transactions")).isEqualTo(6);
    }

    @Test
    void theRestoredAuditTrailVerifies() {
        Cli.Result verified = Cli.run(Cli.on(restoredUrl, restoredDataDir, "verify-audit"));

        assertThat(restored.out()).contains("Every audit chain is intact (1 practice).");
        assertThat(verified.exitCode()).as(verified.out()).isZero();
    }

    @Test
    void newMetricsAfterARestoreGetFreshIds() throws SQLException {
        long highest = TableFingerprints.count(sourceUrl, "select max(id) from performance_metrics");

        try (Connection connection = DriverManager.getConnection(restoredUrl)) {
            connection.setAutoCommit(false); // rolled back: the other tests compare the restored tables
            try (Statement sql = connection.createStatement();
                    ResultSet id = sql.executeQuery("insert into performance_metrics (name, value, unit, at) "
                            + "values ('push.ms', 1, 'ms', now()) returning id")) {
                id.next();
                assertThat(id.getLong(1)).isGreaterThan(highest);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void newAuditRowsAfterARestoreAreNumberedAfterTheRestoredOnes() throws SQLException {
        long highest = TableFingerprints.count(sourceUrl, "select max(seq) from audit_events");

        assertThat(TableFingerprints.count(restoredUrl, "select nextval('audit_events_seq')")).isGreaterThan(highest);
    }

    @Test
    void restApiMutationsAfterARestoreAreNumberedAfterTheRestoredOnes() throws SQLException {
        long handedOut = TableFingerprints.count(sourceUrl, "select last_value from server_device_sequence");

        assertThat(handedOut).isGreaterThanOrEqualTo(3);
        assertThat(TableFingerprints.count(restoredUrl, "select nextval('server_device_sequence')")).isGreaterThan(handedOut);
    }

    @Test
    void aBackupOfTheFirstFormatStillRestores() throws IOException, SQLException {
        Path older = work.resolve("format-1.zip");
        copyReplacing(backup, older, Manifest.FILE, BackupRestoreTest::asFormatOne);
        String target = TestDatabases.emptyDatabaseUrl();

        Cli.Result done = Cli.run(Cli.on(target, work.resolve("format-1"), "restore", "--from", older.toString()));

        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(TableFingerprints.of(target)).isEqualTo(TableFingerprints.of(sourceUrl));
        assertThat(TableFingerprints.count(target, "select nextval('performance_metrics_id_seq')"))
                .as("the column sequences it carried are set").isGreaterThan(
                        TableFingerprints.count(sourceUrl, "select max(id) from performance_metrics"));
    }

    @Test
    void restoreRefusesASequenceTheSchemaLacksAndChangesNothing() throws IOException, SQLException {
        Path edited = work.resolve("foreign-sequence.zip");
        copyReplacing(backup, edited, Manifest.FILE, manifest -> withStandaloneSequence(manifest, "invoice_numbers", 41));
        String target = TestDatabases.emptyDatabaseUrl();

        Cli.Result refused = Cli.run(Cli.on(target, work.resolve("foreign-sequence"), "restore", "--from", edited.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("it has a sequence invoice_numbers that the schema lacks").doesNotContain("\tat ");
        assertThat(TableFingerprints.count(target, "select count(*) from transactions")).isZero();
    }

    @Test
    void theRestoredTablesHaveFreshStatisticsForThePlanner() throws SQLException {
        assertThat(TableFingerprints.count(restoredUrl,
                "select count(*) from pg_stat_user_tables where last_analyze is null and relname in "
                        + "('audit_events', 'transactions', 'change_log', 'entities')")).isZero();
    }

    @Test
    void theDashboardViewIsRefreshed() throws SQLException {
        assertThat(TableFingerprints.count(restoredUrl, "select sum(transaction_count) from dashboard_overview"))
                .isEqualTo(TableFingerprints.count(sourceUrl, "select sum(transaction_count) from dashboard_overview"))
                .isPositive();
    }

    @Test
    void receiptFilesComeBackIntoTheDataDirectory() throws IOException {
        assertThat(restoredDataDir.resolve("blobs").resolve(BLOB)).hasContent("a scanned receipt");
        assertThat(restoredDataDir.resolve("blobs/tmp/upload-1.part")).as("uploads in flight stay out").doesNotExist();
        assertThat(restoredDataDir.resolve("blobs/partial/" + BROKEN_OFF)).as("and so do uploads that broke off")
                .doesNotExist();
    }

    @Test
    void theBackupCoversEveryTableParentsFirst() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(sourceUrl)) {
            List<String> order = SchemaCatalog.read(connection).tables().stream().map(SchemaCatalog.Table::name).toList();
            List<String> everyTable = new ArrayList<>(SchemaCatalog.allTables(connection));
            everyTable.remove(SchemaCatalog.SCHEMA_HISTORY);

            assertThat(order).containsExactlyInAnyOrderElementsOf(everyTable);
            try (PreparedStatement select = connection.prepareStatement("""
                    select child.relname, parent.relname from pg_constraint k
                    join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                    where k.contype = 'f'""");
                    ResultSet reference = select.executeQuery()) {
                while (reference.next()) {
                    assertThat(order.indexOf(reference.getString(2))).as(reference.getString(1) + " -> " + reference.getString(2))
                            .isLessThanOrEqualTo(order.indexOf(reference.getString(1)));
                }
            }
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            V1_TABLES.forEach(table -> assertThat(zip.getEntry("tables/" + table + ".copy")).as(table).isNotNull());
        }
    }

    @Test
    void restoreRefusesADatabaseThatHoldsDataAndChangesNothing() throws SQLException {
        Map<String, String> before = TableFingerprints.of(sourceUrl);

        Cli.Result refused = Cli.run(Cli.on(sourceUrl, work.resolve("refused"), "restore", "--from", backup.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: The database is not empty").contains("Nothing was changed")
                .doesNotContain("Exception");
        assertThat(TableFingerprints.of(sourceUrl)).isEqualTo(before);
    }

    @Test
    void restoreRefusesATruncatedBackup() throws IOException, SQLException {
        byte[] whole = Files.readAllBytes(backup);
        Path truncated = Files.write(work.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        String target = TestDatabases.emptyDatabaseUrl();

        Cli.Result refused = Cli.run(Cli.on(target, work.resolve("truncated"), "restore", "--from", truncated.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: " + truncated + " is not a readable backup").doesNotContain("\tat ");
        assertThat(TableFingerprints.count(target, "select count(*) from information_schema.tables where table_schema = 'public'"))
                .isZero();
    }

    @Test
    void restoreRefusesABackupWhoseRowsWereEdited() throws IOException, SQLException {
        Path edited = work.resolve("edited.zip");
        copyReplacing(backup, edited, "tables/users.copy",
                content -> content.replace("Ada Admin", "Eve Admin"));
        String target = TestDatabases.emptyDatabaseUrl();

        Cli.Result refused = Cli.run(Cli.on(target, work.resolve("edited"), "restore", "--from", edited.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is damaged: tables/users.copy does not match its checksum.");
        assertThat(TableFingerprints.count(target, "select count(*) from information_schema.tables where table_schema = 'public'"))
                .isZero();
    }

    @Test
    void backupNeverOverwritesAFile() throws IOException {
        Path existing = Files.writeString(work.resolve("existing.zip"), "keep me");

        Cli.Result refused = Cli.run(Cli.on(sourceUrl, source.dataDir, "backup", "--to", existing.toString()));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("exists already");
        assertThat(existing).hasContent("keep me");
    }

    private static String asFormatOne(String manifest) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(manifest);
            assertThat(tree.get("standaloneSequences")).as("the backup carries its standalone sequences").isNotEmpty();
            tree.put("formatVersion", 1).remove("standaloneSequences");
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withStandaloneSequence(String manifest, String name, long lastValue) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(manifest);
            ((ArrayNode) tree.get("standaloneSequences")).addObject().put("name", name).put("lastValue", lastValue);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyReplacing(Path from, Path to, String entryName,
            java.util.function.UnaryOperator<String> change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
    }
}
