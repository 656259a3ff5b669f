package app.booksflow.server.support;

import app.booksflow.json.BooksFlowJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database with a practice-sized volume of rows (4 practices, 200 clients, 80,000 days of metrics,
 * 30,000 transactions with three versions each in the change log, 12,000 receipts, 60,000 audit
 * events, of which about 2.5 % HIGH or CRITICAL), analyzed, so that the planner weighs indexes as it
 * would in production. Built once per test JVM.
 */
public final class PlannerDatabase {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static String url;

    private PlannerDatabase() {
    }

    public static synchronized Connection connect() throws SQLException {
        if (url == null) {
            String fresh = TestDatabases.freshDatabaseUrl();
            try (Connection c = DriverManager.getConnection(fresh); Statement s = c.createStatement()) {
                seed(s);
            }
            url = fresh;
        }
        return DriverManager.getConnection(url);
    }

    private static void seed(Statement s) throws SQLException {
        s.execute("insert into organizations (id, name) select gen_random_uuid(), 'Practice ' || g from generate_series(1, 4) g");
        s.execute("""
                insert into clients (id, organization_id, name, base_currency, fiscal_year_start)
                select gen_random_uuid(), o.id, 'Client ' || g, 'EUR', '01-01'
                from organizations o, generate_series(1, 50) g""");
        s.execute("""
                insert into daily_metrics (client_id, organization_id, day, income_minor, expense_minor, transaction_count)
                select c.id, c.organization_id, date '2024-05-01' + d, (random() * 100000)::bigint, (random() * 80000)::bigint,
                    1 + (random() * 5)::int
                from clients c, generate_series(0, 399) d""");
        s.execute("""
                insert into transactions (id, client_id, organization_id, date, payee, memo, bank_account_id, total_minor,
                    currency, status)
                select gen_random_uuid(), c.id, c.organization_id, date '2024-05-01' + (random() * 400)::int, 'Payee ' || g, '',
                    gen_random_uuid(), 1000 + g, 'EUR', 'POSTED'
                from clients c, generate_series(1, 150) g""");
        s.execute("""
                insert into entities (id, entity_type, organization_id, client_id, version, payload, updated_at)
                select t.id, 'TRANSACTION', c.organization_id, t.client_id, 1, '{"payee": "x"}'::jsonb, now()
                from transactions t join clients c on c.id = t.client_id""");
        s.execute("""
                insert into change_log (client_id, organization_id, seq, entity_type, entity_id, kind, version, payload,
                    mutation_id, device_id, committed_at)
                select t.client_id, t.organization_id, row_number() over (partition by t.client_id order by t.id, v), 'TRANSACTION', t.id,
                    'UPSERT', v, '{"payee": "x"}', gen_random_uuid(), gen_random_uuid(), now()
                from transactions t, generate_series(1, 3) v""");
        s.execute("""
                insert into receipts (id, client_id, organization_id, sha256, original_name, media_type, size, status,
                    received_at)
                select gen_random_uuid(), c.id, c.organization_id, repeat('a', 64), 'receipt-' || g || '.jpg', 'JPEG', 1000,
                    case when g % 30 = 0 then 'PENDING' when g % 29 = 0 then 'NEEDS_REVIEW' else 'COMPLETED' end, now()
                from clients c, generate_series(1, 60) g""");
        s.execute("""
                with practice_clients as (select organization_id, array_agg(id) as ids from clients group by organization_id)
                insert into audit_events (organization_id, seq, id, at, client_id, entity_type, entity_id, action,
                    after_state, risk, prev_hash, hash)
                select p.organization_id, g, gen_random_uuid(), timestamptz '2024-05-01' + g * interval '10 minutes',
                    p.ids[1 + g % 50], 'TRANSACTION', gen_random_uuid(),
                    case when g % 50 = 0 then 'DELETE' when g % 199 = 0 then 'CLOSE_PERIOD' else 'CREATE' end, '{}',
                    case when g % 50 = 0 then 'HIGH' when g % 199 = 0 then 'CRITICAL' else 'LOW' end,
                    '\\x00'::bytea, '\\x00'::bytea
                from practice_clients p, generate_series(1, 15000) g""");
        s.execute("analyze");
    }

    public static UUID any(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }

    /** The names of the indexes in the plan PostgreSQL chooses for the statement with these parameters. */
    public static List<String> indexesUsed(Connection c, String sql, List<Object> parameters) throws SQLException {
        JsonNode plan = plan(c, sql, parameters);
        List<String> names = new ArrayList<>();
        collect(plan, names);
        return names;
    }

    public static JsonNode plan(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement explain = c.prepareStatement("explain (format json) " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                return JSON.readTree(row.getString(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject() && node.has("Index Name")) {
            names.add(node.get("Index Name").asText());
        }
        node.forEach(child -> collect(child, names));
    }
}
