package app.booksflow.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in database transactions. A transaction that PostgreSQL aborts because of a deadlock or a
 * serialization failure, or that lost a race to insert the same key, is run again from the start: the
 * work must therefore be repeatable (it only decides its results inside the transaction).
 */
public final class Db {

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private static final Logger SLOW = LoggerFactory.getLogger("booksflow.slow-query");
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Duration slowThreshold;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public Db(DataSource dataSource, Duration slowThreshold) {
        this.dataSource = dataSource;
        this.slowThreshold = slowThreshold;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction and commits; retries transient aborts. */
    public <T> T inTransaction(String name, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    logIfSlow(name, started);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw new DatabaseException("Database work '" + name + "' failed", e);
                }
                last = e;
                LOG.debug("Retrying '{}' after {} (attempt {})", name, e.getSQLState(), attempt);
            }
        }
        throw new DatabaseException("Database work '" + name + "' failed", last);
    }

    /** Whether the failure is the pool giving up waiting for a free connection (overload, not a fault). */
    public static boolean poolExhausted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Runs read-only work without an explicit transaction. */
    public <T> T read(String name, Work<T> work) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            T result = work.run(connection);
            logIfSlow(name, started);
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("Database read '" + name + "' failed", e);
        }
    }

    /**
     * Runs read-only work in one repeatable-read transaction: every statement sees the same snapshot, so
     * figures read by several statements are of one moment.
     */
    public <T> T snapshot(String name, Work<T> work) {
        return inTransaction(name, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            return work.run(connection);
        });
    }

    /** The pool's own time-out has no SQL state, which {@code Set.of(...).contains} would refuse. */
    private static boolean retryable(SQLException e) {
        return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    private void logIfSlow(String name, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (millis > slowThreshold.toMillis()) {
            SLOW.warn("{} took {} ms", name, millis);
        }
    }

    /** A database failure that is not the caller's fault. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
