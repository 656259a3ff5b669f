package app.booksflow.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets HikariCP report its pool (connections active, idle, pending, timeouts) as {@code hikaricp_*}. */
public final class PoolMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PoolMetrics.class);

    private PoolMetrics() {
    }

    public static void bind(DataSource dataSource, MeterRegistry registry) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            LOG.info("The data source is not a HikariCP pool; no connection pool metrics");
            return;
        }
        // Hikari takes one registry per pool for its lifetime; a pool handed to a second server keeps the first.
        if (hikari.getMetricRegistry() != null || hikari.getMetricsTrackerFactory() != null) {
            LOG.info("The connection pool already reports its metrics elsewhere");
            return;
        }
        hikari.setMetricRegistry(registry);
    }
}
