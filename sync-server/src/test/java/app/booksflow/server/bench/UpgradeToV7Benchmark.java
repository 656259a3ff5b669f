package app.booksflow.server.bench;

import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import app.booksflow.server.support.TempFolders;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How long the upgrade to schema version 7 (the practice in every key, decision 32) takes on a large
 * server: a database at version 6 is filled by SQL with the given number of transactions (two postings,
 * an entity, a change and a mutation outcome each; 200 clients; daily figures and receipts), then
 * migrated while the time is taken. Arguments: the number of transactions (default 1,000,000).
 *
 * <p>{@code ./mvnw -pl sync-server -am -Pbench -Dbench.main=app.booksflow.server.bench.UpgradeToV7Benchmark verify}
 */
public final class UpgradeToV7Benchmark {

    private UpgradeToV7Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        long transactions = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("booksflow-upgrade-bench");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(dir.resolve("postgres"), 0);
                HikariDataSource pool = Database.pool(postgres.jdbcUrl(), EmbeddedDatabase.USER, "", 8)) {
            Database.migrate(pool, "6");
            long started = System.nanoTime();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                fill(s, transactions);
                s.execute("vacuum (analyze)");
                s.execute("checkpoint");
                System.out.printf("Filled at version 6 in %.1f s: %s%n", seconds(started), sizes(s));
            }
            long migrating = System.nanoTime();
            int applied = Database.migrate(pool);
            double took = seconds(migrating);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                System.out.printf("Applied %d migration(s) to version %s in %.1f s for %,d transactions: %s%n", applied,
                        Database.latestVersion(pool), took, transactions, sizes(s));
            }
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static void fill(Statement s, long transactions) throws SQLException {
        s.execute("insert into organizations (id, name) select gen_random_uuid(), 'Practice ' || g from generate_series(1, 4) g");
        s.execute("""
                insert into users (id, organization_id, email, display_name, role, password_hash)
                select gen_random_uuid(), id, 'accountant-' || id || '@bench.example', 'Accountant', 'ACCOUNTANT', 'x'
                from organizations""");
        s.execute("""
                insert into devices (id, user_id, organization_id, first_seen_at, last_seen_at)
                select gen_random_uuid(), id, organization_id, now(), now() from users""");
        s.execute("""
                insert into clients (id, organization_id, name, base_currency, fiscal_year_start)
                select gen_random_uuid(), o.id, 'Client ' || g, 'EUR', '01-01' from organizations o, generate_series(1, 50) g""");
        s.execute("insert into client_assignments select u.id, c.id from users u join clients c using (organization_id)");
        s.execute("""
                insert into accounts (id, client_id, code, name, type)
                select gen_random_uuid(), c.id, (1000 + g * 10)::text, 'Account ' || g, 'ASSET' from clients c, generate_series(1, 40) g""");
        s.execute("""
                insert into tax_codes (id, client_id, code, name, rate_percent, tax_account_id)
                select gen_random_uuid(), c.id, 'VAT' || g, 'Rate ' || g, g, gen_random_uuid() from clients c, generate_series(1, 3) g""");
        s.execute("""
                create temporary table numbered_clients as
                select id, organization_id, row_number() over (order by id) - 1 as n from clients""");
        s.execute("""
                insert into transactions (id, client_id, date, payee, memo, bank_account_id, total_minor, currency, status)
                select gen_random_uuid(), c.id, date '2023-01-01' + (g %% 1000)::int, 'Payee ' || g %% 500, '',
                    gen_random_uuid(), 1000 + g %% 90000, 'EUR', 'POSTED'
                from generate_series(1, %d) g join numbered_clients c on c.n = g %% 200""".formatted(transactions));
        s.execute("""
                insert into postings (transaction_id, client_id, account_id, amount_minor)
                select t.id, t.client_id, gen_random_uuid(), side * t.total_minor from transactions t, (values (1), (-1)) v (side)""");
        s.execute("""
                insert into entities (id, entity_type, organization_id, client_id, version, payload, updated_at)
                select t.id, 'TRANSACTION', c.organization_id, t.client_id, 1, '{"payee": "' || t.payee || '"}', now()
                from transactions t join clients c on c.id = t.client_id""");
        s.execute("""
                insert into change_log (client_id, seq, entity_type, entity_id, kind, version, payload, mutation_id,
                    device_id, committed_at)
                select client_id, row_number() over (partition by client_id order by id), 'TRANSACTION', id, 'UPSERT', 1,
                    '{"payee": "' || payee || '"}', gen_random_uuid(), gen_random_uuid(), now()
                from transactions""");
        s.execute("""
                insert into applied_mutations (device_id, mutation_id, client_id, user_id, outcome, received_at)
                select d.id, l.mutation_id, l.client_id, d.user_id, '{"outcome":"applied"}', now()
                from change_log l join clients c on c.id = l.client_id join devices d on d.organization_id = c.organization_id""");
        s.execute("""
                insert into daily_metrics (client_id, day, income_minor, expense_minor, transaction_count)
                select client_id, date, sum(total_minor), 0, count(*) from transactions group by client_id, date""");
        s.execute("""
                insert into receipts (id, client_id, sha256, original_name, media_type, size, status, received_at)
                select gen_random_uuid(), client_id, repeat('a', 64), 'receipt.jpg', 'JPEG', 1000, 'COMPLETED', now()
                from transactions where total_minor % 10 = 0""");
    }

    private static String sizes(Statement s) throws SQLException {
        try (ResultSet row = s.executeQuery("""
                select (select count(*) from transactions), (select count(*) from postings), (select count(*) from change_log),
                    pg_size_pretty(pg_database_size(current_database()))""")) {
            row.next();
            return String.format("%,d transactions, %,d postings, %,d changes, database %s", row.getLong(1), row.getLong(2),
                    row.getLong(3), row.getString(4));
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
