package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.TestServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MinuteRollUpTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void writesTheCountTheP95AndTheErrorsOfEachRoute() throws SQLException {
        for (int i = 0; i < 5; i++) {
            server.anonymous().get("/health");
        }

        int rows = server.server.metricsRollUp().rollUp();

        assertThat(rows).isGreaterThanOrEqualTo(3).isEqualTo(rows / 3 * 3);
        // The scheduler may have rolled up part of the minute already: together the rows hold every request.
        assertThat(sum(MinuteRollUp.REQUESTS, "GET /health")).isEqualByComparingTo("5");
        assertThat(sum(MinuteRollUp.ERRORS, "GET /health")).isEqualByComparingTo("0");
        assertThat(sum(MinuteRollUp.LATENCY_P95, "GET /health")).isPositive();
        assertThat(unit(MinuteRollUp.LATENCY_P95, "GET /health")).isEqualTo("MILLISECONDS");
    }

    @Test
    void aRollUpWithoutNewRequestsWritesNothing() {
        server.server.metricsRollUp().rollUp();

        assertThat(server.server.metricsRollUp().rollUp()).isZero();
    }

    @Test
    void aWindowCountsErrorsAndTakesTheNearestRankP95() {
        RequestWindows windows = new RequestWindows();
        for (int millis = 100; millis >= 1; millis--) {
            windows.record("GET /x", millis % 40 == 0 ? 503 : 200, millis * 1_000_000L);
        }
        windows.record("POST /y", 201, 7_000_000L);

        var summaries = windows.drain();

        assertThat(summaries).containsExactlyInAnyOrder(new RequestWindows.Summary("GET /x", 100, 2, 95_000_000L),
                new RequestWindows.Summary("POST /y", 1, 0, 7_000_000L));
        assertThat(windows.drain()).isEmpty();
    }

    private static BigDecimal sum(String name, String route) throws SQLException {
        return new BigDecimal(query("select coalesce(sum(value), 0) from performance_metrics where name = ? and route = ?",
                name, route));
    }

    private static String unit(String name, String route) throws SQLException {
        return query("select min(unit) from performance_metrics where name = ? and route = ?", name, route);
    }

    private static String query(String sql, String name, String route) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, name);
            select.setString(2, route);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
