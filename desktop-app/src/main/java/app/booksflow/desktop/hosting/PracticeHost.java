package app.booksflow.desktop.hosting;

import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice's sync server run by this desktop: the same {@link SyncServer} as the standalone
 * deployment, on an embedded PostgreSQL kept in {@code <data folder>/server/postgres}, listening on
 * every network address of this computer so that the practice's other computers reach it by its name.
 * A second start on the same folder finds the data of the first.
 */
public final class PracticeHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeHost.class);

    public static final int DEFAULT_PORT = ServerConfig.DEFAULT_PORT;
    private static final String LOCK_FILE = "hosting.lock";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedDatabase database;
    private final DataSource pool;
    private final SyncServer server;
    private boolean closed;

    private PracticeHost(FileChannel lockChannel, FileLock lock, EmbeddedDatabase database, DataSource pool,
            SyncServer server) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.database = database;
        this.pool = pool;
        this.server = server;
    }

    /** The server's folder inside the books' data folder. */
    public static Path serverFolder(Path dataFolder) {
        return dataFolder.resolve("server");
    }

    /** Starts the database and the server on the port (0 picks a free one); throws {@link HostingException}. */
    public static PracticeHost start(Path dataFolder, int port) {
        return start(dataFolder, port, Map.of(), Clock.systemUTC());
    }

    /** @param settings server settings by key, as in its properties file (tests make password hashing cheap) */
    public static PracticeHost start(Path dataFolder, int port, Map<String, String> settings, Clock clock) {
        if (port < 0 || port > 65535) {
            throw new HostingException("The port must be a number from 1 to 65535.");
        }
        Path folder = serverFolder(dataFolder);
        Map<String, String> overrides = new HashMap<>(Map.of("host", "0.0.0.0", "port", Integer.toString(port),
                "db.pool.size", "8"));
        overrides.putAll(settings);
        ServerConfig config = ServerConfig.defaults(folder).withSettings(overrides);
        FileChannel channel = null;
        FileLock lock;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HostingException("The server's folder " + folder + " cannot be used: " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new HostingException("The server's data in " + folder + " is in use by another BooksFlow that hosts "
                    + "the practice: stop hosting there first.");
        }
        try {
            requireFreePort(port);
            EmbeddedDatabase database = startDatabase(config.embeddedDatabaseDir());
            DataSource pool = null;
            try {
                pool = Database.pool(database.jdbcUrl(), EmbeddedDatabase.USER, "", config.databasePoolSize(),
                        config.databasePoolWait());
                int applied = Database.migrate(pool);
                LOG.info("Hosting: {} migration(s) applied to the embedded PostgreSQL in {}", applied,
                        config.embeddedDatabaseDir());
                SyncServer server = new SyncServer(config, pool, clock);
                try {
                    server.start();
                } catch (RuntimeException e) {
                    server.close();
                    throw portProblem(port, e);
                }
                LOG.info("Hosting the practice's sync server on port {}", server.port());
                return new PracticeHost(channel, lock, database, pool, server);
            } catch (RuntimeException e) {
                if (pool instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
                database.close();
                throw e;
            }
        } catch (RuntimeException e) {
            releaseQuietly(lock);
            closeQuietly(channel);
            throw e;
        }
    }

    private static EmbeddedDatabase startDatabase(Path directory) {
        try {
            return EmbeddedDatabase.start(directory, 0);
        } catch (RuntimeException e) {
            throw new HostingException("The server's database in " + directory + " could not start: " + rootMessage(e), e);
        }
    }

    /** Fails before the database starts when another program listens on the port already. */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw portProblem(port, e);
        }
    }

    private static HostingException portProblem(int port, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new HostingException("Port " + port + " is in use on this computer by another program; "
                        + "choose another port (for example " + (port == DEFAULT_PORT ? 8181 : DEFAULT_PORT) + ").", e);
            }
        }
        return new HostingException("The server could not listen on port " + port + ": " + rootMessage(e), e);
    }

    /** True when the server holds the practice (after its first start). */
    public boolean hasPractice(OrganizationId practice) {
        return accounts().findOrganization(practice).isPresent();
    }

    /**
     * The first start: the practice, with the id and name of the books' practice, and its admin, who signs
     * in from the other computers with this email and password.
     */
    public void createPractice(Organization practice, String adminEmail, String adminName, char[] password) {
        AccountService accounts = accounts();
        if (accounts.findByEmail(adminEmail).isPresent()) {
            throw new HostingException("The server has a user " + adminEmail.strip() + " already.");
        }
        accounts.createOrganization(practice.id(), practice.name());
        accounts.createUser(Optional.empty(), practice.id(), adminEmail, adminName, Role.ADMIN, Optional.empty(), password);
    }

    private AccountService accounts() {
        return server.accounts();
    }

    public int port() {
        return server.port();
    }

    /** The address this desktop itself syncs with. */
    public String localUrl() {
        return "http://localhost:" + port();
    }

    /** The address the practice's other computers sign in at: this computer's name on the network. */
    public String networkUrl() {
        return "http://" + hostName() + ":" + port();
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Stops the server, then its database; the data stays for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } finally {
            try {
                if (pool instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
                database.close();
            } finally {
                releaseQuietly(lock);
                closeQuietly(lockChannel);
                LOG.info("Stopped hosting the practice's sync server");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.debug("Could not release the hosting lock", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Could not close {}", closeable, e);
        }
    }
}
