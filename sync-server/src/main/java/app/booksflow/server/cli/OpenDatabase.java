package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database a command works on, opened as the options say, and closed after it: an external
 * PostgreSQL, the embedded one of the data directory that a running server already has up, or that
 * embedded one started for the command.
 */
final class OpenDatabase implements AutoCloseable {

    /** Whether the command may share the embedded database with a server that runs on it. */
    enum Sharing {
        /** Only the server: two servers on one data directory would stop each other's database. */
        EXCLUSIVE,
        /** Admin commands: they connect to the running server's database. */
        SHARED
    }

    private final HikariDataSource pool;
    private final Optional<EmbeddedDatabase> embedded;
    private final String description;

    private OpenDatabase(HikariDataSource pool, Optional<EmbeddedDatabase> embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    static OpenDatabase open(ServerConfig config, int connections, Sharing sharing) {
        Duration wait = config.databasePoolWait();
        if (config.databaseUrl().isPresent()) {
            String url = config.databaseUrl().get();
            return new OpenDatabase(connect(url, config.databaseUser(), config.databasePassword(), connections, wait),
                    Optional.empty(), "PostgreSQL at " + withoutParameters(url));
        }
        Path directory = config.embeddedDatabaseDir();
        Optional<Integer> running = EmbeddedDataDir.runningPort(directory);
        if (running.isPresent()) {
            if (sharing == Sharing.EXCLUSIVE) {
                throw new CliException("The embedded PostgreSQL in " + directory + " is already running (port "
                        + running.get() + "), most likely for another server: stop it first, or use another --data-dir.");
            }
            String url = "jdbc:postgresql://localhost:" + running.get() + "/" + EmbeddedDatabase.DATABASE;
            return new OpenDatabase(connect(url, EmbeddedDatabase.USER, "", connections, wait), Optional.empty(),
                    "the embedded PostgreSQL in " + directory + " (already running on port " + running.get() + ")");
        }
        EmbeddedDatabase started = startEmbedded(directory);
        try {
            return new OpenDatabase(connect(started.jdbcUrl(), EmbeddedDatabase.USER, "", connections, wait),
                    Optional.of(started), "the embedded PostgreSQL in " + directory);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** For people: where the data is. */
    String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }

    private static EmbeddedDatabase startEmbedded(Path directory) {
        try {
            return EmbeddedDatabase.start(directory, 0);
        } catch (RuntimeException e) {
            throw new CliException("Cannot start the embedded PostgreSQL in " + directory + ": "
                    + ErrorHandler.rootMessage(e), e);
        }
    }

    private static HikariDataSource connect(String url, String user, String password, int connections,
            Duration wait) {
        try {
            return Database.pool(url, user, password, connections, wait);
        } catch (RuntimeException e) {
            throw new CliException("Cannot connect to the database at " + withoutParameters(url) + ": "
                    + ErrorHandler.rootMessage(e), e);
        }
    }

    /** URL parameters may carry a password: never print them. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
