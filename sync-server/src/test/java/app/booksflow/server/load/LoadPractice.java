package app.booksflow.server.load;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.ClientAssignment;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Database;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.TempFolders;
import app.booksflow.server.support.TestDatabases;
import app.booksflow.testdata.GeneratedClient;
import app.booksflow.testdata.GeneratedPractice;
import app.booksflow.testdata.GeneratedTransaction;
import app.booksflow.testdata.PracticeGenerator;
import app.booksflow.testdata.PracticeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running server on embedded PostgreSQL holding a generated practice: its admin and accountants as
 * users, every client's books pushed through the server's own write path (which writes with COPY), and
 * each accountant signed in. {@link #seats()} are the (token, client) pairs the load test's users act as.
 */
public final class LoadPractice implements AutoCloseable {

    public static final String PASSWORD = "load test password";

    private static final int PUSH_SIZE = 1000;

    /** One accountant at work on one of the clients assigned to them. */
    public record Seat(String token, GeneratedClient client) {
    }

    private static final String SERVER_SETTING = "load.server.";

    private final HikariDataSource pool;
    private final SyncServer server;
    private final Path dataDir;
    private final List<Seat> seats;
    private final String adminEmail;
    private final String adminToken;

    private LoadPractice(HikariDataSource pool, SyncServer server, Path dataDir, List<Seat> seats, String adminEmail,
            String adminToken) {
        this.pool = pool;
        this.server = server;
        this.dataDir = dataDir;
        this.seats = seats;
        this.adminEmail = adminEmail;
        this.adminToken = adminToken;
    }

    /** Starts the server and loads the practice; closes what it started if loading fails. */
    public static LoadPractice start(PracticeSpec spec, int poolSize) {
        return start(spec, poolSize, 0);
    }

    /**
     * The server's settings a run overrides with system properties {@code load.server.<setting>}, for example
     * {@code -Dload.server.db.pool.wait=PT5S}.
     */
    static Map<String, String> serverSettings() {
        Map<String, String> settings = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SERVER_SETTING))
                .forEach(name -> settings.put(name.substring(SERVER_SETTING.length()), System.getProperty(name)));
        return settings;
    }

    /**
     * Like {@link #start(PracticeSpec, int)}, with {@code auditHistory} events of earlier years added to the
     * practice's audit trail before the load (the volume profile).
     */
    public static LoadPractice start(PracticeSpec spec, int poolSize, long auditHistory) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("booksflow-load");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig config = ServerConfig.defaults(dataDir).withSettings(Map.of("host", "127.0.0.1", "port", "0",
                "db.pool.size", Integer.toString(poolSize))).withSettings(serverSettings());
        HikariDataSource pool = Database.pool(TestDatabases.freshDatabaseUrl(), "postgres", "", config.databasePoolSize(),
                config.databasePoolWait());
        SyncServer server = null;
        try {
            server = new SyncServer(config, pool, Clock.systemUTC()).start();
            return load(pool, server, dataDir, PracticeGenerator.generate(spec), auditHistory);
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            }
            pool.close();
            TempFolders.delete(dataDir);
            throw e;
        }
    }

    private static LoadPractice load(HikariDataSource pool, SyncServer server, Path dataDir, GeneratedPractice practice,
            long auditHistory) {
        long start = System.nanoTime();
        var accounts = server.accounts();
        var organization = accounts.createOrganization(practice.organization().id(), practice.organization().name());
        User admin = practice.admin();
        var adminUser = accounts.createUser(Optional.empty(), organization.id(), admin.email(), admin.displayName(),
                Role.ADMIN, Optional.empty(), PASSWORD.toCharArray());
        String base = "http://127.0.0.1:" + server.port();
        String adminToken = signIn(base, admin.email());
        ApiClient adminApi = new ApiClient(base, adminToken);

        long transactions = pushBooks(adminApi, practice);
        AuditHistory.append(pool, organization.id(),
                practice.clients().stream().map(client -> client.client().id()).toList(), List.of(adminUser.id()),
                auditHistory, practice.spec().seed());
        analyze(pool);

        Caller adminCaller = accounts.authenticate(adminToken);
        Map<app.booksflow.model.id.UserId, String> tokens = new java.util.HashMap<>();
        for (User accountant : practice.accountants()) {
            var created = accounts.createUser(Optional.of(adminCaller), organization.id(), accountant.email(),
                    accountant.displayName(), Role.ACCOUNTANT, Optional.empty(), PASSWORD.toCharArray());
            tokens.put(accountant.id(), signIn(base, created.email()));
            for (ClientAssignment assignment : practice.assignments()) {
                if (assignment.accountant().equals(accountant.id())) {
                    accounts.assign(adminCaller, created.id(), assignment.client());
                }
            }
        }
        List<Seat> seats = new ArrayList<>();
        for (ClientAssignment assignment : practice.assignments()) {
            seats.add(new Seat(tokens.get(assignment.accountant()), practice.client(assignment.client()).orElseThrow()));
        }
        System.out.printf("Loaded %s clients and %s transactions for %s accountants in %s s%n", practice.clients().size(),
                transactions, practice.accountants().size(), (System.nanoTime() - start) / 1_000_000_000);
        return new LoadPractice(pool, server, dataDir, List.copyOf(seats), admin.email(), adminToken);
    }

    /** Pushes every client's books, two clients at a time (as two devices would); returns the transactions sent. */
    private static long pushBooks(ApiClient api, GeneratedPractice practice) {
        AtomicLong sent = new AtomicLong();
        try (ExecutorService pushers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> done = new ArrayList<>();
            for (GeneratedClient client : practice.clients()) {
                done.add(pushers.submit(() -> sent.addAndGet(pushClient(api, client))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the practice", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Loading the practice failed", e.getCause());
        }
        return sent.get();
    }

    private static long pushClient(ApiClient api, GeneratedClient generated) {
        Device device = new Device(api);
        // Opened without its closing date, so that the test may post today; the generator's books are history.
        Client client = new Client(generated.client().id(), generated.client().organization(), generated.client().name(),
                generated.client().baseCurrency(), generated.client().fiscalYearStart(), Optional.empty());
        List<Mutation> batch = new ArrayList<>();
        batch.add(device.upsert(client.id(), EntityType.CLIENT, client.id().value(), 0, client));
        for (Account account : generated.chart().accounts()) {
            batch.add(device.upsert(client.id(), EntityType.ACCOUNT, account.id().value(), 0, account));
        }
        for (TaxCode code : generated.taxCodes()) {
            batch.add(device.upsert(client.id(), EntityType.TAX_CODE, code.id().value(), 0, code));
        }
        send(device, batch);
        long count = 0;
        Iterator<GeneratedTransaction> transactions = generated.transactions().iterator();
        while (transactions.hasNext()) {
            var transaction = transactions.next().transaction();
            batch.add(device.upsert(client.id(), EntityType.TRANSACTION, transaction.id().value(), 0, transaction));
            count++;
            if (batch.size() == PUSH_SIZE) {
                send(device, batch);
            }
        }
        send(device, batch);
        return count;
    }

    private static void send(Device device, List<Mutation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (JsonNode outcome : device.pushOk(batch.toArray(Mutation[]::new))) {
            if (!"applied".equals(outcome.path("outcome").asText())) {
                throw new IllegalStateException("The server did not apply a generated change: " + outcome);
            }
        }
        batch.clear();
    }

    /**
     * The tables as a server in service has them: right after a bulk load autovacuum has not caught up, the
     * planner would plan for nearly empty tables (sorting a client's whole audit trail, for one), and the
     * loaded pages are still to be vacuumed and written out. Vacuum (which also analyzes) and a checkpoint
     * do that work before the load test instead of during it.
     */
    private static void analyze(HikariDataSource pool) {
        long start = System.nanoTime();
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("vacuum (analyze)");
            statement.execute("checkpoint");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot vacuum the loaded practice", e);
        }
        System.out.printf("Vacuumed, analyzed and checkpointed in %s s%n", (System.nanoTime() - start) / 1_000_000_000);
    }

    private static String signIn(String base, String email) {
        ApiClient.Response response = new ApiClient(base, null).post("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD));
        if (response.status() != 200) {
            throw new IllegalStateException("Signing in " + email + " failed: " + response.text());
        }
        return response.json().get("token").asText();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Seat> seats() {
        return seats;
    }

    /** A session of the practice's admin. */
    public String adminToken() {
        return adminToken;
    }

    /** The practice's admin, who signs in with {@link #PASSWORD}. */
    public String adminEmail() {
        return adminEmail;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public SyncServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        pool.close();
        TempFolders.delete(dataDir);
    }
}
