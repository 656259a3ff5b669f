package app.booksflow.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.server.support.Books;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestDatabases;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema is ready to be spread over the nodes of a distributed PostgreSQL by practice (decision
 * 32): every table of a practice's data names the practice in each row, in its primary key, in every
 * unique index and in every foreign key to another such table; the tables with server-wide keys are
 * listed, so a new table must say which kind it is.
 */
class ShardingKeysTest {

    /** Keys unique across the server, though each row names its practice: reference tables. */
    static final Set<String> SERVER_WIDE = Set.of("organizations", "users", "devices");
    /** Not one practice's rows: sessions, receipt files stored once for all, the server's own. */
    static final Set<String> NOT_A_PRACTICES = Set.of("auth_tokens", "blobs", "blob_uploads", "performance_metrics",
            "flyway_schema_history");
    /** The tables the push writes that name a client. */
    static final List<String> BY_CLIENT = List.of("client_assignments", "accounts", "tax_codes", "transactions",
            "postings", "change_log", "applied_mutations", "daily_metrics", "receipts", "entities");

    private static TestServer server;
    private static Practice north;
    private static Practice south;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        north = Practice.create(server, "north-keys");
        south = Practice.create(server, "south-keys");
        for (Practice practice : List.of(north, south)) {
            Books.post(practice.accountant, practice.purchase(LocalDate.of(2025, 3, 4), "Paper Mill", 12_000),
                    practice.sale(LocalDate.of(2025, 3, 5), "Bakery Customer", 30_000));
            Books.receipt(practice.accountant, practice.client.id(), ReceiptStatus.PENDING);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPracticeTableNamesThePracticeInEveryRowAndEveryKey() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = server.dataSource.getConnection()) {
            Set<String> practiceTables = practiceTables(c);
            assertThat(practiceTables).contains("clients", "entities", "audit_events", "audit_chain_heads")
                    .containsAll(BY_CLIENT).doesNotContainAnyElementsOf(SERVER_WIDE);
            for (String table : practiceTables) {
                if (!notNullColumn(c, table, "organization_id")) {
                    problems.add(table + " has no organization_id that is not null");
                }
            }
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                    select i.indrelid::regclass::text, i.indexrelid::regclass::text, i.indisprimary,
                        bool_or(a.attname = 'organization_id')
                    from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indisunique and i.indrelid::regclass::text in (select tablename from pg_tables where schemaname = 'public')
                    group by 1, 2, 3""")) {
                while (row.next()) {
                    if (practiceTables.contains(row.getString(1)) && !row.getBoolean(4)) {
                        problems.add(row.getString(1) + ": the " + (row.getBoolean(3) ? "primary key" : "unique index")
                                + " " + row.getString(2) + " lacks organization_id");
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                    select k.conrelid::regclass::text, k.confrelid::regclass::text, k.conname,
                        exists (select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attnum = any(k.conkey)
                                and a.attname = 'organization_id'),
                        exists (select 1 from pg_attribute a where a.attrelid = k.confrelid and a.attnum = any(k.confkey)
                                and a.attname = 'organization_id')
                    from pg_constraint k where k.contype = 'f'""")) {
                while (row.next()) {
                    boolean between = practiceTables.contains(row.getString(1)) && practiceTables.contains(row.getString(2));
                    if (between && !(row.getBoolean(4) && row.getBoolean(5))) {
                        problems.add(row.getString(1) + ": the foreign key " + row.getString(3) + " to " + row.getString(2)
                                + " does not name the practice on both sides");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTableIsEitherAPracticesOrListedAsNotOne() throws SQLException {
        try (Connection c = server.dataSource.getConnection()) {
            Set<String> unclassified = new TreeSet<>(allTables(c));
            unclassified.removeAll(practiceTables(c));
            unclassified.removeAll(SERVER_WIDE);
            unclassified.removeAll(NOT_A_PRACTICES);
            assertThat(unclassified).as("tables with no organization_id that are not listed as not a practice's").isEmpty();
            assertThat(allTables(c)).containsAll(SERVER_WIDE).containsAll(NOT_A_PRACTICES);
        }
    }

    @Test
    void thePushWritesEachRowWithItsClientsPractice() throws SQLException {
        try (Connection c = server.dataSource.getConnection()) {
            for (String table : BY_CLIENT) {
                long rows = count(c, "select count(*) from " + table + " where organization_id in (?, ?)");
                long wrong = count(c, "select count(*) from " + table + " x join clients k on k.id = x.client_id"
                        + " where x.organization_id <> k.organization_id and x.organization_id in (?, ?)");
                assertThat(rows).as(table + " rows of the two practices").isPositive();
                assertThat(wrong).as(table + " rows naming another practice than their client's").isZero();
            }
        }
    }

    @Test
    void anIdTakenInAnotherPracticeIsRefusedAndTheOtherPracticesRowIsUntouched() throws SQLException {
        Account north1000 = north.chart.byCode("1000").orElseThrow();
        Account lookalike = new Account(north1000.id(), south.client.id(), "1000", "Borrowed id", AccountType.ASSET);
        Client borrowedClient = new Client(north.client.id(), south.organization.id(), "Borrowed client",
                south.client.baseCurrency(), south.client.fiscalYearStart(), south.client.closingDate());
        Device device = new Device(south.admin);

        JsonNode outcomes = device.pushOk(device.upsert(south.client.id(), EntityType.ACCOUNT, north1000.id().value(), 0,
                lookalike), device.upsert(north.client.id(), EntityType.CLIENT, north.client.id().value(), 0, borrowedClient));

        outcomes.forEach(outcome -> assertThat(outcome.get("outcome").asText()).as(outcome.toString()).isNotEqualTo("applied"));
        try (Connection c = server.dataSource.getConnection()) {
            assertThat(rows(c, "select name, organization_id from accounts where id = ?", north1000.id().value()))
                    .containsExactly(north1000.name() + " " + north.organization.id().value());
            assertThat(rows(c, "select name, organization_id from clients where id = ?", north.client.id().value()))
                    .containsExactly(north.client.name() + " " + north.organization.id().value());
        }
    }

    @Test
    void aDeviceIdStaysOneUsersAcrossPractices() {
        Device northLaptop = new Device(north.accountant);
        Transaction ink = north.purchase(LocalDate.of(2025, 3, 6), "Ink", 900);
        assertThat(northLaptop.pushOk(northLaptop.upsert(north.client.id(), EntityType.TRANSACTION, ink.id().value(), 0,
                ink)).get(0).get("outcome").asText()).isEqualTo("applied");
        // Seen over a minute ago: the push writes the device row again rather than only reading it.
        server.clock.advance(Duration.ofMinutes(2));
        Device borrowed = new Device(south.accountant, northLaptop.id);
        Transaction southInk = south.purchase(LocalDate.of(2025, 3, 6), "Ink", 900);

        var refused = borrowed.push(List.of(borrowed.upsert(south.client.id(), EntityType.TRANSACTION,
                southInk.id().value(), 0, southInk)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("registered to another user");
    }

    @Test
    void theDatabaseRefusesARowThatNamesAnotherPracticeThanItsClients() throws SQLException {
        try (Connection c = server.dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into accounts (id, client_id, organization_id, code, name, type) values (?, ?, ?, '9999', 'X', 'ASSET')")) {
            insert.setObject(1, AccountId.random().value());
            insert.setObject(2, north.client.id().value());
            insert.setObject(3, south.organization.id().value());
            assertThatThrownBy(insert::executeUpdate).hasMessageContaining("accounts_client_fkey");
        }
    }

    @Test
    void migratingFromVersion6FillsThePracticeFromTheClientAndTheDevice() throws SQLException {
        try (HikariDataSource old = Database.pool(TestDatabases.emptyDatabaseUrl(), EmbeddedDatabase.USER, "", 2)) {
            Database.migrate(old, "6");
            UUID organization = UUID.randomUUID();
            UUID otherOrganization = UUID.randomUUID();
            UUID client = UUID.randomUUID();
            UUID otherClient = UUID.randomUUID();
            UUID device = UUID.randomUUID();
            UUID user = UUID.randomUUID();
            UUID transaction = UUID.randomUUID();
            try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into organizations (id, name) values ('%s', 'North'), ('%s', 'South')"
                        .formatted(organization, otherOrganization));
                s.execute(("insert into users (id, organization_id, email, display_name, role, password_hash)"
                        + " values ('%s', '%s', 'a@north.example', 'Ada', 'ACCOUNTANT', 'x')").formatted(user, organization));
                s.execute(("insert into clients (id, organization_id, name, base_currency, fiscal_year_start) values"
                        + " ('%s', '%s', 'Bakery', 'EUR', '01-01'), ('%s', '%s', 'Mill', 'EUR', '01-01')")
                        .formatted(client, organization, otherClient, otherOrganization));
                s.execute("insert into devices values ('%s', '%s', '%s', now(), now())".formatted(device, user, organization));
                s.execute("insert into client_assignments values ('%s', '%s')".formatted(user, client));
                s.execute("insert into accounts values ('%s', '%s', '1000', 'Bank', 'ASSET')".formatted(UUID.randomUUID(), client));
                s.execute(("insert into tax_codes values ('%s', '%s', 'VAT20', 'Standard', 20, '%s')")
                        .formatted(UUID.randomUUID(), client, UUID.randomUUID()));
                s.execute(("insert into transactions values ('%s', '%s', '2025-03-04', 'Paper Mill', '', '%s', 1200, 'EUR',"
                        + " 'POSTED')").formatted(transaction, client, UUID.randomUUID()));
                s.execute("insert into postings values ('%s', '%s', '%s', 1200)".formatted(transaction, client, UUID.randomUUID()));
                s.execute(("insert into change_log values ('%s', 1, 'TRANSACTION', '%s', 'UPSERT', 1, '{}', '%s', '%s', now())")
                        .formatted(client, transaction, UUID.randomUUID(), device));
                // A refused mutation may name a client of another practice: its practice comes from the device.
                s.execute(("insert into applied_mutations values ('%s', '%s', '%s', '%s', '{}', now())")
                        .formatted(device, UUID.randomUUID(), otherClient, user));
                s.execute("insert into daily_metrics values ('%s', '2025-03-04', 0, 1200, 1)".formatted(client));
                s.execute(("insert into receipts values ('%s', '%s', '%s', 'r.jpg', 'JPEG', 10, 'PENDING', null, now())")
                        .formatted(UUID.randomUUID(), client, "a".repeat(64)));
            }

            Database.migrate(old);

            try (Connection c = old.getConnection()) {
                for (String table : BY_CLIENT) {
                    if (table.equals("entities")) {
                        continue;
                    }
                    assertThat(strings(c, "select distinct organization_id from " + table)).as(table)
                            .containsExactly(organization.toString());
                }
            }
        }
    }

    private static Set<String> allTables(Connection c) throws SQLException {
        return strings(c, "select tablename from pg_tables where schemaname = 'public'");
    }

    private static Set<String> practiceTables(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement select = c.prepareStatement("""
                select table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'organization_id'
                    and table_name in (select tablename from pg_tables where schemaname = 'public')
                    and table_name <> all(?)""")) {
            select.setArray(1, c.createArrayOf("text", SERVER_WIDE.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean notNullColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select is_nullable from information_schema.columns
                where table_schema = 'public' and table_name = ? and column_name = ?""")) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getString(1).equals("NO");
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, north.organization.id().value());
            select.setObject(2, south.organization.id().value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> rows(Connection c, String sql, UUID parameter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(row.getString(i));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
