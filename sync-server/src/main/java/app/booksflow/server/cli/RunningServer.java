package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started server and its database. Closing stops both, once, whoever asks first (Ctrl-C, or a test). */
final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final OpenDatabase database;
    private final SyncServer server;
    private final int migrationsApplied;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private RunningServer(OpenDatabase database, SyncServer server, int migrationsApplied) {
        this.database = database;
        this.server = server;
        this.migrationsApplied = migrationsApplied;
    }

    static RunningServer start(ServerConfig config, Clock clock) {
        OpenDatabase database = OpenDatabase.open(config, config.databasePoolSize(), OpenDatabase.Sharing.EXCLUSIVE);
        try {
            int applied = Database.migrate(database.dataSource());
            LOG.info("{} migration(s) applied to {}", applied, database.description());
            SyncServer server = new SyncServer(config, database.dataSource(), clock);
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new CliException("Cannot listen on " + config.host() + ":" + config.port() + ": "
                        + ErrorHandler.rootMessage(e), e);
            }
            return new RunningServer(database, server, applied);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    int migrationsApplied() {
        return migrationsApplied;
    }

    /** What the admin must know about how the server runs (ADR 0043). */
    List<String> warnings() {
        return server.warnings();
    }

    OpenDatabase database() {
        return database;
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping the server");
        try {
            server.close();
        } finally {
            try {
                database.close();
            } finally {
                stopped.countDown();
                LOG.info("Stopped");
            }
        }
    }
}
