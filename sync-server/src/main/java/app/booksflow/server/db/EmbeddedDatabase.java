package app.booksflow.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries in the Maven jars, keeping its data in a folder so
 * that a restart keeps everything. The default database of a practice that runs no PostgreSQL of its own.
 * It listens on the loopback address only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on the folder (created and initialized on first use); port 0 picks a free one. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
