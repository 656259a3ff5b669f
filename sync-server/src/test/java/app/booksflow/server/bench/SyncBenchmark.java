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
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20_000);
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

    /** One client's books, ready to push: the setup request and the transaction batches, serialized. */
    private record Books(app.booksflow.model.id.ClientId client, List<Transaction> transactions, String setup,
            List<String> batches) {
    }

    private static void run(SyncServer server, HikariDataSource pool) throws Exception {
        var org = server.accounts().createOrganization("Benchmark practice");
        server.accounts().createUser(Optional.empty(), org.id(), "bench@bench.example", "Bench", Role.ADMIN,
                Optional.empty(), "benchmark password".toCharArray());
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(send(http, base + "/api/v1/auth/login", null,
                "{\"email\":\"bench@bench.example\",\"password\":\"benchmark password\"}")).get("token").asText();

        // Warm-up on a client of its own, so that the measured runs see compiled code, as a running server does.
        Books warmUp = books(org.id(), PracticeSpec.DEFAULT_SEED + 9, WARM_UP);
        send(http, base + "/api/v1/sync/push", token, warmUp.setup());
        pushAll(http, base, token, warmUp.batches());
        for (int i = 0; i < 5; i++) {
            pullPage(http, base + "/api/v1/sync/pull?client=" + warmUp.client() + "&after=0&limit=5000", token);
        }

        // One device pushing one client's books, then pulling them back.
        Books books = books(org.id(), PracticeSpec.DEFAULT_SEED, TRANSACTIONS);
        send(http, base + "/api/v1/sync/push", token, books.setup());
        long pushStart = System.nanoTime();
        long[] pushNanos = pushAll(http, base, token, books.batches());
        double pushSeconds = (System.nanoTime() - pushStart) / 1e9;

        long pulled = 0;
        String cursor = "0";
        long pullStart = System.nanoTime();
        boolean more = true;
        while (more) {
            PulledPage page = pullPage(http, base + "/api/v1/sync/pull?client=" + books.client() + "&after=" + cursor
                    + "&limit=5000", token);
            pulled += page.changes();
            cursor = page.nextCursor();
            more = page.hasMore();
        }
        double pullSeconds = (System.nanoTime() - pullStart) / 1e9;

        // Two devices, each pushing its own client's books at the same time: how a server is loaded.
        Books first = books(org.id(), PracticeSpec.DEFAULT_SEED + 1, TRANSACTIONS / 2);
        Books second = books(org.id(), PracticeSpec.DEFAULT_SEED + 2, TRANSACTIONS / 2);
        send(http, base + "/api/v1/sync/push", token, first.setup());
        send(http, base + "/api/v1/sync/push", token, second.setup());
        long concurrentStart = System.nanoTime();
        var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> pushAll(http, base, token, first.batches()));
        var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> pushAll(http, base, token, second.batches()));
        long[] concurrentNanos = java.util.stream.LongStream.concat(
                Arrays.stream(one.get()), Arrays.stream(two.get())).toArray();
        double concurrentSeconds = (System.nanoTime() - concurrentStart) / 1e9;

        double floorSeconds = jdbcFloor(pool, books.transactions());

        int n = books.transactions().size();
        System.out.printf("transactions: %d per run, pushes of %d mutations%n", n, BATCH);
        System.out.printf("push, one device:   %.1f s, %,.0f mutations/s, per push %s%n", pushSeconds, n / pushSeconds,
                percentiles(pushNanos));
        System.out.printf("push, two devices:  %.1f s, %,.0f mutations/s, per push %s%n", concurrentSeconds,
                (first.transactions().size() + second.transactions().size()) / concurrentSeconds, percentiles(concurrentNanos));
        System.out.printf("pull:  %.1f s, %,.0f changes/s (%d changes incl. setup, pages of 5000, streamed)%n", pullSeconds,
                pulled / pullSeconds, pulled);
        System.out.printf("floor: %.1f s, %,.0f rows/s (plain JDBC batches of %d, one transaction each)%n", floorSeconds,
                n / floorSeconds, BATCH);
        System.out.printf("push one device / floor: %.2f%n", (n / pushSeconds) / (n / floorSeconds));
    }

    private static Books books(app.booksflow.model.id.OrganizationId org, long seed, int count) throws Exception {
        GeneratedPractice practice = PracticeGenerator.generate(
                new PracticeSpec(seed, 1, count, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
        GeneratedClient generated = practice.clients().get(0);
        // Opened without its closing date: the history is imported first, the period closed afterwards.
        Client client = new Client(generated.client().id(), org, generated.client().name(),
                generated.client().baseCurrency(), generated.client().fiscalYearStart(), Optional.empty());
        DeviceId device = DeviceId.random();
        long sequence = 0;
        List<Mutation> setup = new ArrayList<>();
        setup.add(mutation(device, ++sequence, client.id(), EntityType.CLIENT, client.id().value(), client));
        for (Account account : generated.chart().accounts()) {
            setup.add(mutation(device, ++sequence, client.id(), EntityType.ACCOUNT, account.id().value(), account));
        }
        for (TaxCode code : generated.taxCodes()) {
            setup.add(mutation(device, ++sequence, client.id(), EntityType.TAX_CODE, code.id().value(), code));
        }
        List<Transaction> transactions = generated.transactions().map(GeneratedTransaction::transaction).toList();
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < transactions.size(); from += BATCH) {
            List<Mutation> batch = new ArrayList<>();
            for (Transaction t : transactions.subList(from, Math.min(from + BATCH, transactions.size()))) {
                batch.add(mutation(device, ++sequence, client.id(), EntityType.TRANSACTION, t.id().value(), t));
            }
            batches.add(JSON.writeValueAsString(PushRequest.of(device, batch)));
        }
        return new Books(client.id(), transactions, JSON.writeValueAsString(PushRequest.of(device, setup)), batches);
    }

    /** Pushes each batch and checks every mutation was applied; returns each push's time. */
    private static long[] pushAll(HttpClient http, String base, String token, List<String> batches) {
        long[] nanos = new long[batches.size()];
        try {
            for (int i = 0; i < batches.size(); i++) {
                long start = System.nanoTime();
                JsonNode outcomes = JSON.readTree(send(http, base + "/api/v1/sync/push", token, batches.get(i))).get("outcomes");
                nanos[i] = System.nanoTime() - start;
                for (JsonNode outcome : outcomes) {
                    if (!"applied".equals(outcome.get("outcome").asText())) {
                        throw new IllegalStateException("Not applied: " + outcome);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return nanos;
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %d ms, p95 %d ms", sorted[sorted.length / 2] / 1_000_000,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1_000_000);
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

    /** What a device gets from one pull: each change read into a tree, as it streams in. */
    record PulledPage(int changes, String nextCursor, boolean hasMore) {
    }

    private static PulledPage pullPage(HttpClient http, String url, String token) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        int changes = 0;
        String cursor = null;
        boolean more = false;
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(response.body())) {
            parser.nextToken();
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "changes" -> {
                        while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            JsonNode change = JSON.readTree(parser);
                            changes += change.has("entityId") ? 1 : 0;
                        }
                    }
                    case "nextCursor" -> cursor = parser.getText();
                    case "hasMore" -> more = parser.getBooleanValue();
                    default -> parser.skipChildren();
                }
            }
        }
        return new PulledPage(changes, cursor, more);
    }
}
