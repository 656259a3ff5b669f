package app.booksflow.server.metrics;

import app.booksflow.model.metric.MetricUnit;
import app.booksflow.server.db.Db;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Every minute, what each route did since the last roll-up goes into {@code performance_metrics}:
 * {@code http.requests.count}, {@code http.latency.p95} (ms) and {@code http.errors.count} (answers
 * of 500 and above), with the route ("GET /api/v1/analytics/dashboard") in the route column. Prometheus
 * keeps the live view; these rows are the history an admin can query without a monitoring stack.
 */
public final class MinuteRollUp {

    public static final String REQUESTS = "http.requests.count";
    public static final String LATENCY_P95 = "http.latency.p95";
    public static final String ERRORS = "http.errors.count";

    private final HttpMetrics metrics;
    private final Db db;
    private final Clock clock;

    public MinuteRollUp(HttpMetrics metrics, Db db, Clock clock) {
        this.metrics = metrics;
        this.db = db;
        this.clock = clock;
    }

    /** Writes the rows for the window that ends now; returns how many rows it wrote. */
    public synchronized int rollUp() {
        List<RequestWindows.Summary> summaries = metrics.windows().drain();
        if (summaries.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(clock.instant());
        return db.inTransaction("roll up request metrics", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into performance_metrics (name, client_id, value, unit, at, route) values (?, null, ?, ?, ?, ?)")) {
                for (RequestWindows.Summary summary : summaries) {
                    add(insert, REQUESTS, BigDecimal.valueOf(summary.count()), MetricUnit.COUNT, at, summary.route());
                    add(insert, LATENCY_P95, BigDecimal.valueOf(summary.p95Nanos(), 6), MetricUnit.MILLISECONDS, at,
                            summary.route());
                    add(insert, ERRORS, BigDecimal.valueOf(summary.errors()), MetricUnit.COUNT, at, summary.route());
                }
                return insert.executeBatch().length;
            }
        });
    }

    /**
     * Forgets the rows rolled up before the given time (the request metrics only; the OCR figures that
     * dashboards average stay); returns how many.
     */
    public int forgetBefore(Instant before) {
        return db.inTransaction("forget old request metrics", c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    delete from performance_metrics where name in (?, ?, ?) and route is not null and at < ?""")) {
                delete.setString(1, REQUESTS);
                delete.setString(2, LATENCY_P95);
                delete.setString(3, ERRORS);
                delete.setTimestamp(4, Timestamp.from(before));
                return delete.executeUpdate();
            }
        });
    }

    private static void add(PreparedStatement insert, String name, BigDecimal value, MetricUnit unit, Timestamp at,
            String route) throws SQLException {
        insert.setString(1, name);
        insert.setBigDecimal(2, value);
        insert.setString(3, unit.name());
        insert.setTimestamp(4, at);
        insert.setString(5, route);
        insert.addBatch();
    }
}
