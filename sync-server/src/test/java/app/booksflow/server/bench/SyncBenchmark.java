package app.booksflow.server.bench;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Role;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PushRequest;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import app.booksflow.testdata.GeneratedClient;
import app.booksflow.testdata.GeneratedPractice;
import app.booksflow.testdata.GeneratedTransaction;
import app.booksflow.testdata.PracticeGenerator;
import app.booksflow.testdata.PracticeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes and pulls 100,000 generated transactions of one client through the real server over HTTP, and
 * in the same run inserts the same rows by plain JDBC batches: the physical floor the sync path is
 * compared against. Run with {@code ./mvnw -pl sync-server -am -Pbench verify}.
 */
public final class SyncBenchmark {

    private static final int TRANSACTIONS = Integer.getInteger("bench.transactions", 100_000);
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("booksflow-bench");
        try (EmbeddedDatabase postgres = EmbeddedDatabase.start(dir.resolve("postgres"), 0);
                HikariDataSource pool = Database.pool(postgres.jdbcUrl(), EmbeddedDatabase.USER, "", 16)) {
            Database.migrate(pool);
            ServerConfig config = ServerConfig.defaults(dir).withSettings(Map.of("host", "127.0.0.1", "port", "0"));
            try (SyncServer server = new SyncServer(config, pool, Clock.systemUTC()).start()) {
                run(server, pool);
            }
        }
    }

    private static void run(SyncServer server, HikariDataSource pool) throws Exception {
        GeneratedPractice practice = PracticeGenerator.generate(
                new PracticeSpec(PracticeSpec.DEFAULT_SEED, 1, TRANSACTIONS, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
        GeneratedClient generated = practice.clients().get(0);
        var org = server.accounts().createOrganization("Benchmark practice");
        server.accounts().createUser(Optional.empty(), org.id(), "bench@bench.example", "Bench", Role.ADMIN,
                Optional.empty(), "benchmark password".toCharArray());
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(send(http, base + "/api/v1/auth/login", null,
                "{\"email\":\"bench@bench.example\",\"password\":\"benchmark password\"}")).get("token").asText();

        Client client = new Client(generated.client().id(), org.id(), generated.client().name(),
                generated.client().baseCurrency(), generated.client().fiscalYearStart(), Optional.empty());
        DeviceId device = DeviceId.random();
        long[] sequence = {0};
        List<Mutation> setup = new ArrayList<>();
        setup.add(mutation(device, ++sequence[0], client.id(), EntityType.CLIENT, client.id().value(), client));
        for (Account account : generated.chart().accounts()) {
            setup.add(mutation(device, ++sequence[0], client.id(), EntityType.ACCOUNT, account.id().value(), account));
        }
        for (TaxCode code : generated.taxCodes()) {
            setup.add(mutation(device, ++sequence[0], client.id(), EntityType.TAX_CODE, code.id().value(), code));
        }
        send(http, base + "/api/v1/sync/push", token, JSON.writeValueAsString(PushRequest.of(device, setup)));

        List<Transaction> transactions = generated.transactions().map(GeneratedTransaction::transaction).toList();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < transactions.size(); from += BATCH) {
            List<Mutation> batch = new ArrayList<>();
            for (Transaction t : transactions.subList(from, Math.min(from + BATCH, transactions.size()))) {
                batch.add(mutation(device, ++sequence[0], client.id(), EntityType.TRANSACTION, t.id().value(), t));
            }
            bodies.add(JSON.writeValueAsString(PushRequest.of(device, batch)));
        }

        long[] pushNanos = new long[bodies.size()];
        long applied = 0;
        long pushStart = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            long start = System.nanoTime();
            JsonNode outcomes = JSON.readTree(send(http, base + "/api/v1/sync/push", token, bodies.get(i))).get("outcomes");
            pushNanos[i] = System.nanoTime() - start;
            for (JsonNode outcome : outcomes) {
                applied += "applied".equals(outcome.get("outcome").asText()) ? 1 : 0;
            }
        }
        double pushSeconds = (System.nanoTime() - pushStart) / 1e9;

        long pulled = 0;
        String cursor = "0";
        long pullStart = System.nanoTime();
        boolean more = true;
        while (more) {
            JsonNode page = JSON.readTree(get(http, base + "/api/v1/sync/pull?client=" + client.id() + "&after=" + cursor
                    + "&limit=5000", token));
            pulled += page.get("changes").size();
            cursor = page.get("nextCursor").asText();
            more = page.get("hasMore").asBoolean();
        }
        double pullSeconds = (System.nanoTime() - pullStart) / 1e9;

        double floorSeconds = jdbcFloor(pool, transactions);

        Arrays.sort(pushNanos);
        long p50 = pushNanos[pushNanos.length / 2] / 1_000_000;
        long p95 = pushNanos[(int) Math.ceil(pushNanos.length * 0.95) - 1] / 1_000_000;
        System.out.printf("transactions: %d (applied %d), pushes of %d%n", transactions.size(), applied, BATCH);
        System.out.printf("push:  %.1f s, %,.0f mutations/s, per push p50 %d ms, p95 %d ms%n", pushSeconds,
                transactions.size() / pushSeconds, p50, p95);
        System.out.printf("pull:  %.1f s, %,.0f changes/s (%d changes incl. setup)%n", pullSeconds, pulled / pullSeconds, pulled);
        System.out.printf("floor: %.1f s, %,.0f rows/s (plain JDBC batches of %d, one transaction each)%n", floorSeconds,
                transactions.size() / floorSeconds, BATCH);
        System.out.printf("push / floor: %.2f%n", (transactions.size() / pushSeconds) / (transactions.size() / floorSeconds));
    }

    /** The same rows, inserted as plainly as PostgreSQL allows: the physical floor. */
    private static double jdbcFloor(HikariDataSource pool, List<Transaction> transactions) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table bench_floor (id uuid primary key, client_id uuid, date date, payee text, total_minor bigint, payload jsonb)");
        }
        long start = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into bench_floor values (?, ?, ?, ?, ?, ?::jsonb)")) {
                int n = 0;
                for (Transaction t : transactions) {
                    insert.setObject(1, t.id().value());
                    insert.setObject(2, t.client().value());
                    insert.setDate(3, Date.valueOf(t.date()));
                    insert.setString(4, t.payee());
                    insert.setLong(5, t.total().minorUnits());
                    insert.setString(6, JSON.writeValueAsString(t));
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Mutation mutation(DeviceId device, long sequence, app.booksflow.model.id.ClientId client,
            EntityType type, java.util.UUID id, Object entity) {
        return new Mutation(MutationId.random(), device, sequence, client, type, id, Operation.UPSERT, 0,
                JSON.valueToTree(entity), Instant.now());
    }

    private static String send(HttpClient http, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
