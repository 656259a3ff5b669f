package app.booksflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hourly clean-up of the tables that every minute and every sign-in add to. */
class KeepTablesSmallTest {

    @Test
    void oldRequestMetricsAndEndedSessionsAreForgottenAndNothingElse() throws Exception {
        try (TestServer server = TestServer.start(Map.of("metrics.retention", "P30D"))) {
            Practice practice = Practice.create(server, "tidy");
            ApiClient signedOut = server.signIn(practice.accountantUser.email(), Practice.PASSWORD);
            assertThat(signedOut.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
            ApiClient stillIn = server.signIn(practice.accountantUser.email(), Practice.PASSWORD);
            Instant now = server.clock.instant();
            expiredSession(server, practice.accountantUser.id().value(), now.minus(Duration.ofDays(2)));
            metric(server, "http.requests.count", "GET /old", null, now.minus(Duration.ofDays(31)));
            metric(server, "http.latency.p95", "GET /recent", null, now.minus(Duration.ofDays(29)));
            UUID client = practice.client.id().value();
            metric(server, "ocr.accuracy", null, client, now.minus(Duration.ofDays(400)));
            long sessionsBefore = count(server, "select count(*) from auth_tokens");

            server.server.keepTablesSmall();

            assertThat(count(server, "select count(*) from auth_tokens")).as("the signed-out and the expired session")
                    .isEqualTo(sessionsBefore - 2);
            assertThat(stillIn.get("/api/v1/me").status()).isEqualTo(200);
            assertThat(metrics(server)).containsExactlyInAnyOrder("http.latency.p95", "ocr.accuracy");
        }
    }

    @Test
    void aRetentionOfZeroKeepsTheRequestMetricsForEver() throws Exception {
        try (TestServer server = TestServer.start(Map.of("metrics.retention", "PT0S"))) {
            metric(server, "http.requests.count", "GET /old", null, server.clock.instant().minus(Duration.ofDays(900)));

            server.server.keepTablesSmall();

            assertThat(metrics(server)).containsExactly("http.requests.count");
        }
    }

    private static void expiredSession(TestServer server, UUID user, Instant expired) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into auth_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")) {
            insert.setBytes(1, UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            insert.setObject(2, user);
            insert.setTimestamp(3, Timestamp.from(expired.minus(Duration.ofDays(30))));
            insert.setTimestamp(4, Timestamp.from(expired));
            insert.executeUpdate();
        }
    }

    private static void metric(TestServer server, String name, String route, UUID client, Instant at) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into performance_metrics (name, client_id, value, unit, at, route) values (?, ?, 1, 'COUNT', ?, ?)")) {
            insert.setString(1, name);
            insert.setObject(2, client);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, route);
            insert.executeUpdate();
        }
    }

    /** The rows these tests wrote (the server's own roll-up may add rows of its routes meanwhile). */
    private static List<String> metrics(TestServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select name from performance_metrics "
                        + "where route in ('GET /old', 'GET /recent') or name = 'ocr.accuracy' order by id")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static long count(TestServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
