package app.booksflow.server.support;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.backup.BackupArchive;
import app.booksflow.server.backup.BackupWriter;
import app.booksflow.server.backup.Restorer;
import app.booksflow.server.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** A running server on its own fresh database, on a free port of the loopback address. */
public final class TestServer implements AutoCloseable {

    public final MutableClock clock;
    public final HikariDataSource dataSource;
    public final SyncServer server;
    public final Path dataDir;
    private final ServerConfig config;

    private TestServer(MutableClock clock, HikariDataSource dataSource, SyncServer server, Path dataDir,
            ServerConfig config) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.server = server;
        this.dataDir = dataDir;
        this.config = config;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param settings overrides as in the server's properties file, for example {@code blob.max.bytes} */
    public static TestServer start(Map<String, String> settings) {
        return start(settings, UnaryOperator.identity());
    }

    /**
     * @param serverSees what the server gets in place of the pool (a wrapper that fails on purpose); the
     *                   test's own {@link #dataSource} stays the pool itself
     */
    public static TestServer start(Map<String, String> settings, UnaryOperator<DataSource> serverSees) {
        return start(TestDatabases.freshDatabaseUrl(), settings, serverSees);
    }

    /** A server on the given database: a fresh one's URL with connection options, for example. */
    public static TestServer startOn(String databaseUrl) {
        return start(databaseUrl, Map.of(), UnaryOperator.identity());
    }

    private static TestServer start(String databaseUrl, Map<String, String> settings,
            UnaryOperator<DataSource> serverSees) {
        try {
            Path dataDir = Files.createTempDirectory("booksflow-server-test");
            HikariDataSource dataSource = Database.pool(databaseUrl, "postgres", "", 8);
            MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
            // A small password hash keeps tests fast; production uses the OWASP baseline.
            ServerConfig config = ServerConfig.defaults(dataDir)
                    .withSettings(Map.of("host", "127.0.0.1", "port", "0", "password.hash.memory.kib", "1024"))
                    .withSettings(settings);
            SyncServer server = new SyncServer(config, serverSees.apply(dataSource), clock).start();
            return new TestServer(clock, dataSource, server, dataDir, config);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A backup of the database and the receipt files, as the admin's {@code backup} command writes it. */
    public Path backup(Path zip) {
        new BackupWriter(clock).write(dataSource, config.blobDir(), zip);
        return zip;
    }

    /**
     * Stops this server and starts it again at the same address on a new database restored from the backup,
     * as an admin restores one (ADMIN.md): use the server returned from here on.
     */
    public TestServer restartRestoredFrom(Path zip) {
        int port = server.port();
        server.close();
        dataSource.close();
        HikariDataSource restored = Database.pool(TestDatabases.emptyDatabaseUrl(), "postgres", "", 8);
        try (BackupArchive archive = BackupArchive.open(zip)) {
            new Restorer().restore(archive, restored, config.blobDir());
        }
        ServerConfig samePort = config.withSettings(Map.of("port", Integer.toString(port)));
        return new TestServer(clock, restored, new SyncServer(samePort, restored, clock).start(), dataDir, samePort);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUrl(), null);
    }

    public ApiClient signIn(String email, String password) {
        ApiClient.Response response = anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.text());
        }
        return new ApiClient(baseUrl(), response.json().get("token").asText());
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.close();
        dataSource.close();
        TempFolders.delete(dataDir);
    }
}
