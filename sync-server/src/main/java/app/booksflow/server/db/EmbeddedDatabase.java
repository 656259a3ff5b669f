package app.booksflow.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries in the Maven jars, keeping its data in a folder so
 * that a restart keeps everything. The default database of a practice that runs no PostgreSQL of its own.
 * It listens on the loopback address only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long a stop may take: the last checkpoint writes out what the write-ahead log holds. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
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
                    .setServerConfig("max_connections", "100")
                    // The library's defaults are a test database's: a commit answered before its write-ahead
                    // log reaches the disk. A push the server answered must survive a crash (ADR 0043).
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start(), dataDirectory);
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

    /**
     * Stops PostgreSQL and returns once its server process has ended. The stop command can return while
     * the server still writes its last checkpoint (the tests' folders, deleted right after, were found
     * holding write-ahead log files again); until the process ends, its folder is safe neither to copy
     * nor to delete.
     */
    @Override
    public void close() {
        Optional<ProcessHandle> server = serverProcess();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.ifPresent(EmbeddedDatabase::awaitExit);
    }

    /** The server's process, from the first line of the pid file it keeps while it runs. */
    private Optional<ProcessHandle> serverProcess() {
        try {
            String firstLine = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip();
            return ProcessHandle.of(Long.parseLong(firstLine));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot tell PostgreSQL's process from its pid file in {}; not waiting for it to end: {}",
                    dataDirectory, e.toString());
            return Optional.empty();
        }
    }

    private static void awaitExit(ProcessHandle server) {
        try {
            server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("PostgreSQL (process {}) has not ended {} s after it was told to stop", server.pid(),
                    STOP_WAIT.toSeconds());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for PostgreSQL to end", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
