package app.booksflow.server.support;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** A running server on its own fresh database, on a free port of the loopback address. */
public final class TestServer implements AutoCloseable {

    public final MutableClock clock;
    public final HikariDataSource dataSource;
    public final SyncServer server;
    public final Path dataDir;

    private TestServer(MutableClock clock, HikariDataSource dataSource, SyncServer server, Path dataDir) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param settings overrides as in the server's properties file, for example {@code blob.max.bytes} */
    public static TestServer start(Map<String, String> settings) {
        try {
            Path dataDir = Files.createTempDirectory("booksflow-server-test");
            HikariDataSource dataSource = Database.pool(TestDatabases.freshDatabaseUrl(), "postgres", "", 8);
            MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
            // A small password hash keeps tests fast; production uses the OWASP baseline.
            ServerConfig config = ServerConfig.defaults(dataDir)
                    .withSettings(Map.of("host", "127.0.0.1", "port", "0", "password.hash.memory.kib", "1024"))
                    .withSettings(settings);
            SyncServer server = new SyncServer(config, dataSource, clock).start();
            return new TestServer(clock, dataSource, server, dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
