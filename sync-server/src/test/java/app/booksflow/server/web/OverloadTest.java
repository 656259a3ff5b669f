package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.Db;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.MutableClock;
import app.booksflow.server.support.TempFolders;
import app.booksflow.server.support.TestDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When every database connection stays busy, requests get a 503 with Retry-After, not an internal error. */
class OverloadTest {

    @Test
    void aRequestThatFindsNoFreeConnectionInTimeIsAnsweredBusy() throws Exception {
        HikariConfig pool = smallPool(2, 300);
        Path dataDir = Files.createTempDirectory("booksflow-overload");
        try (HikariDataSource dataSource = new HikariDataSource(pool);
                SyncServer server = new SyncServer(ServerConfig.defaults(dataDir).withSettings(Map.of("host",
                        "127.0.0.1", "port", "0", "password.hash.memory.kib", "1024")), dataSource,
                        new MutableClock(Instant.parse("2025-06-02T08:00:00Z"))).start()) {
            var organization = server.accounts().createOrganization("Busy practice");
            server.accounts().createUser(Optional.empty(), organization.id(), "ada@busy.example", "Ada",
                    app.booksflow.model.practice.Role.ADMIN, Optional.empty(), "correct horse battery".toCharArray());
            String base = "http://127.0.0.1:" + server.port();
            String token = new ApiClient(base, null).post("/api/v1/auth/login",
                    Map.of("email", "ada@busy.example", "password", "correct horse battery")).json().get("token").asText();
            ApiClient ada = new ApiClient(base, token);

            ApiClient.Response busy;
            ApiClient.Response busyWrite;
            try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
                busy = ada.get("/api/v1/me");
                busyWrite = ada.post("/api/v1/admin/users", Map.of("email", "bob@busy.example", "displayName", "Bob",
                        "role", "ACCOUNTANT", "password", "another horse battery"));
            }
            ApiClient.Response after = ada.get("/api/v1/me");

            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.json().get("error").asText()).isEqualTo("BUSY");
            assertThat(busy.json().get("message").asText()).contains("nothing was changed");
            assertThat(after.status()).isEqualTo(200);
            // A write that finds no connection is refused the same way, and has changed nothing.
            assertThat(busyWrite.status()).isEqualTo(503);
            assertThat(busyWrite.json().get("error").asText()).isEqualTo("BUSY");
            assertThat(ada.get("/api/v1/admin/users").text()).doesNotContain("bob@busy.example");
        } finally {
            TempFolders.delete(dataDir);
        }
    }

    /** The pool's time-out carries no SQL state; it must still reach the handler as overload, not as a fault. */
    @Test
    void aTransactionThatFindsNoFreeConnectionFailsAsOverload() throws Exception {
        HikariConfig pool = smallPool(1, 250);
        try (HikariDataSource dataSource = new HikariDataSource(pool); Connection only = dataSource.getConnection()) {
            Db db = new Db(dataSource, Duration.ofSeconds(1));

            assertThatThrownBy(() -> db.inTransaction("write", c -> c.createStatement().execute("select 1")))
                    .isInstanceOf(Db.DatabaseException.class)
                    .satisfies(e -> assertThat(Db.poolExhausted(e)).isTrue());
        }
    }

    @Test
    void thePoolGivesUpAfterTheWaitTheServerIsGiven() throws Exception {
        try (HikariDataSource pool = Database.pool(TestDatabases.freshDatabaseUrl(), "postgres", "", 1,
                Duration.ofMillis(300)); Connection only = pool.getConnection()) {
            assertThat(pool.getConnectionTimeout()).isEqualTo(300);
            assertThatThrownBy(pool::getConnection).isInstanceOf(java.sql.SQLTransientConnectionException.class);
        }
    }

    @Test
    void onlyAnExhaustedPoolCountsAsOverload() {
        assertThat(Db.poolExhausted(new RuntimeException("wrapped",
                new java.sql.SQLTransientConnectionException("booksflow - Connection is not available")))).isTrue();
        assertThat(Db.poolExhausted(new RuntimeException(new java.sql.SQLException("syntax error")))).isFalse();
    }

    /** A pool of a fresh database that gives up waiting for a connection after the given time. */
    private static HikariConfig smallPool(int connections, long waitMillis) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(TestDatabases.freshDatabaseUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(connections);
        pool.setConnectionTimeout(waitMillis);
        return pool;
    }
}
