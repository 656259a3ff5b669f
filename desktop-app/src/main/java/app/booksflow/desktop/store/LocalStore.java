package app.booksflow.desktop.store;

import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.desktop.store.entity.AuditEventEntity;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.desktop.store.entity.TransactionEntity;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The books on this device: an H2 file in the data folder, its schema owned by Flyway
 * ({@code classpath:db/desktop}), read and written through Hibernate entities that are validated
 * against that schema, with plain JDBC (through {@link Session#doWork}) for bulk work.
 *
 * <p>Writes are serialized: one write transaction at a time, which is all a desktop needs and keeps
 * the precomputed dashboard rows free of lock waits and deadlocks; reads run beside them (H2 is
 * MVCC). After every committed write the store asks H2 to write its log (CHECKPOINT): H2 otherwise
 * keeps up to half a second of commits in memory, and a killed process would lose them. Each write also adds
 * one to the books' count of saved writes, which the lock file records after the checkpoint, so that a
 * start after a crash can tell when H2 came back without writes it had saved (ADR 0042).
 *
 * <p>Opening comes in two steps (ADR 0015): {@link #open} returns once the folder is locked and the
 * schema is current, so plain JDBC reads ({@link #readJdbc}) work at once. Hibernate's session factory
 * is built on a thread of its own when {@link #startSessionFactory()} is called or the first
 * {@link #read} or {@link #inTransaction} needs it (they wait for it), so that its start-up does not
 * compete with the first screen. When the schema history already lists every migration the app ships,
 * Flyway is not started at all.
 */
public final class LocalStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
    /** Writes that took longer than {@link #SLOW_WRITE}, with where their time went. */
    private static final Logger SLOW = LoggerFactory.getLogger("booksflow.slow-write");
    private static final long SLOW_WRITE = TimeUnit.SECONDS.toNanos(1);
    private static final List<Class<?>> ENTITIES = List.of(PracticeEntity.class, ClientEntity.class,
            AccountEntity.class, TaxCodeEntity.class, TransactionEntity.class, ReceiptEntity.class,
            AuditEventEntity.class);
    static final String MIGRATIONS = "classpath:db/desktop";

    private final DataDirectory directory;
    private final StoreLock lock;
    private final HikariDataSource dataSource;
    private final CompletableFuture<SessionFactory> sessionFactory = new CompletableFuture<>();
    private final AtomicBoolean sessionFactoryStarted = new AtomicBoolean();
    private final Executor sessionFactoryBuilder;
    private final WriterLock writer = new WriterLock();
    /** The books were not closed the last time and have not been checked since (see {@link #leftOpenBefore()}). */
    private volatile boolean uncheckedAfterUncleanStop;
    /** Writes the books have saved, as counted in them (ADR 0042); changed under {@link #writer}. */
    private long savedWrites;
    /** Whether the count could be read: books that do not read whole, opened as they are, go uncounted. */
    private final boolean countingWrites;
    /** Saved writes the books came back without after an unclean stop (see {@link #writesLostInCrash()}). */
    private final long writesLostInCrash;
    /** The statement writing a safety copy while one runs, so that closing the books can stop it. */
    private final AtomicReference<Statement> copying = new AtomicReference<>();
    private volatile boolean copiesStopped;
    /** How long closing waits for a write in progress. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Work on a plain JDBC connection, before or beside Hibernate. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How much checking opening does before Hibernate starts. */
    enum SchemaCheck {
        /** Flyway only when the schema history is not exactly the shipped migrations. */
        FAST,
        /** Flyway always: validates the checksums of applied migrations as well. */
        FLYWAY
    }

    private LocalStore(DataDirectory directory, StoreLock lock, HikariDataSource dataSource,
            Executor sessionFactoryBuilder) {
        this.directory = directory;
        this.lock = lock;
        this.dataSource = dataSource;
        this.sessionFactoryBuilder = sessionFactoryBuilder;
        this.uncheckedAfterUncleanStop = lock.leftOpenBefore();
        OptionalLong counted = SavedWrites.read(dataSource);
        if (counted.isEmpty()) {
            log.warn("Could not read the count of saved writes in {}; writes lost in a crash cannot be told", directory);
        }
        this.savedWrites = counted.orElse(0);
        this.countingWrites = counted.isPresent();
        this.writesLostInCrash = counted.isPresent() ? Math.max(0, lock.savedBefore().orElse(0) - savedWrites) : 0;
        if (writesLostInCrash > 0) {
            log.error("The books in {} came back without {} write(s) they had saved before BooksFlow stopped without "
                    + "closing them: they hold {} saved writes, the folder's lock file recorded {}", directory,
                    writesLostInCrash, savedWrites, lock.savedBefore().orElse(0));
        }
    }

    /**
     * How many writes reported as saved the books came back without, after the process that held them stopped
     * without closing them (ADR 0042): the database recovered to an earlier state than the one it had
     * written. Zero when nothing is known to be lost, or the books were closed properly.
     */
    public long writesLostInCrash() {
        return writesLostInCrash;
    }

    /**
     * Whether the books were not closed the last time they were open (the app crashed, was killed or lost
     * its power) and nobody has checked them since: the app then checks the ledger before showing it (ADR 0038).
     * Stays true, also across starts, until {@link #checkedAfterUncleanStop()} is called.
     */
    public boolean leftOpenBefore() {
        return uncheckedAfterUncleanStop;
    }

    /** The books have been checked after an unclean stop: closing them properly now clears the mark. */
    public void checkedAfterUncleanStop() {
        uncheckedAfterUncleanStop = false;
    }

    /**
     * Locks the data folder, opens (or creates) the database and brings its schema up to date, and
     * returns: the session factory is built later, in the background (see above). Slow only when
     * migrations run: call it off the UI thread.
     *
     * @throws StoreLockedException when another window already has this data folder open
     */
    public static LocalStore open(DataDirectory directory) {
        return open(directory, stage -> { });
    }

    /**
     * Like {@link #open(DataDirectory)}, telling {@code stages} what it does while migrations run: creating new
     * books, or updating books kept by an earlier version (which can take minutes for large books).
     */
    public static LocalStore open(DataDirectory directory, Consumer<String> stages) {
        return open(directory, SchemaCheck.FAST, LocalStore::onOwnThread, stages);
    }

    /**
     * Like {@link #open}, but always lets Flyway check the schema history, checksums of applied
     * migrations included, and waits for the session factory: for {@code --check-data}.
     */
    public static LocalStore openVerified(DataDirectory directory) {
        LocalStore store = open(directory, SchemaCheck.FLYWAY, LocalStore::onOwnThread, stage -> { });
        try {
            store.awaitReady();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** With the executor that builds the session factory (tests hold it back). */
    static LocalStore open(DataDirectory directory, SchemaCheck check, Executor sessionFactoryBuilder) {
        return open(directory, check, sessionFactoryBuilder, stage -> { });
    }

    private static LocalStore open(DataDirectory directory, SchemaCheck check, Executor sessionFactoryBuilder,
            Consumer<String> stages) {
        long start = System.nanoTime();
        StoreLock lock = StoreLock.acquire(directory, stages, StoreLock.TIDYING_WAIT);
        HikariDataSource dataSource = null;
        try {
            dataSource = pool(directory);
            long pooled = System.nanoTime();
            int migrations = -1;
            boolean current = check != SchemaCheck.FLYWAY && SchemaHistory.isCurrent(dataSource);
            if (!current && SchemaHistory.neverMigrated(dataSource)) {
                // Books that look new beside a safety copy of them are damaged (H2 can fall back to a version of the
                // file from before the schema) or gone: making them again would put empty books in their place.
                Optional<SafetyCopy.Info> copy = SafetyCopy.find(directory);
                if (copy.isPresent()) {
                    throw new DamagedBooksException("They hold none of their tables, though a safety copy of them was"
                            + " taken (" + copy.get().file().getFileName() + "): they are damaged or missing, so they"
                            + " were not made again as new books. To start new books in this folder instead, remove"
                            + " the folder " + directory.safetyCopies() + ".");
                }
            }
            if (!current && SchemaHistory.isUnfinishedAndEmpty(dataSource)) {
                log.warn("The books in {} hold part of a schema and no data: the start that made them was cut short. "
                        + "Making them again.", directory);
                dataSource.close();
                Files.delete(directory.databaseFile());
                lock.booksReplaced();
                dataSource = pool(directory);
            }
            putBackIndexes(directory, dataSource, stages);
            if (!current) {
                migrations = MigrationStages.migrate(Flyway.configure().dataSource(dataSource).locations(MIGRATIONS),
                        stages);
                if (migrations > 0) {
                    // Flyway's commits bypass the write path: without this a kill soon after could undo them.
                    checkpoint(dataSource);
                }
            }
            long migrated = System.nanoTime();
            log.info("Opened the books in {} in {} ms (lock and pool {} ms; {})", directory,
                    (migrated - start) / 1_000_000, (pooled - start) / 1_000_000, migrations < 0
                            ? "schema history current, Flyway not needed"
                            : "Flyway " + (migrated - pooled) / 1_000_000 + " ms, " + migrations + " migrations applied");
            LocalStore store = new LocalStore(directory, lock, dataSource, sessionFactoryBuilder);
            if (migrations > 0) {
                // New books: the demo load that fills them needs Hibernate at once.
                store.startSessionFactory();
            }
            return store;
        } catch (IOException e) {
            dataSource.close();
            lock.close();
            throw new UncheckedIOException("Cannot make the books in " + directory.root() + " again", e);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            lock.close();
            if (isDatabaseInUse(e)) {
                throw new StoreLockedException(directory.root(), e);
            }
            throw e;
        }
    }

    private static void onOwnThread(Runnable work) {
        Thread thread = new Thread(work, "books-session-factory");
        thread.setDaemon(true);
        thread.start();
    }

    static String jdbcUrl(DataDirectory directory) {
        // DB_CLOSE_ON_EXIT=FALSE: the application closes the store itself; H2's own shutdown hook would
        // close the database under a pool that is still in use. File locking stays H2's default.
        // QUERY_CACHE_SIZE: each connection keeps 64 parsed statements, not H2's 8: the ledger's page reads alone
        // come in more shapes than that (sort, direction, filters, text), and parsing one costs about as much as
        // running it on a small client (ADR 0011).
        return "jdbc:h2:file:" + directory.database() + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
    }

    private static HikariDataSource pool(DataDirectory directory) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(directory));
        config.setUsername("booksflow");
        config.setPassword("");
        config.setPoolName("books");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static SessionFactory sessionFactory(HikariDataSource dataSource) {
        Configuration configuration = new Configuration();
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        // No reordering of inserts: the foreign keys are plain id columns, not associations Hibernate could
        // sort by, so rows must reach the database in the order the services persist them.
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "false");
        return configuration.buildSessionFactory();
    }

    private static boolean isDatabaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    public DataDirectory directory() {
        return directory;
    }

    /**
     * Runs the work in one write transaction: committed when it returns, rolled back when it throws.
     * Write transactions run one at a time.
     */
    public <T> T inTransaction(Function<Session, T> work) {
        return inTransaction(work, false);
    }

    /**
     * Like {@link #inTransaction}, for a large write nobody waits on (a page pulled from the server): slow by its
     * own work it is told at debug level only, as a write of derived data is; a write that waited for it says so.
     */
    public <T> T inBackgroundTransaction(Function<Session, T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Function<Session, T> work, boolean background) {
        Wait wait = writer.lockTimed();
        try {
            T result = sessionFactory().fromTransaction(session -> {
                T done = work.apply(session);
                if (countingWrites) {
                    session.doWork(SavedWrites::countOne);
                }
                return done;
            });
            long committed = System.nanoTime();
            checkpoint();
            if (countingWrites) {
                recordSaved(++savedWrites);
            }
            reportIfSlow(wait, committed, System.nanoTime(), background);
            return result;
        } finally {
            writer.unlock();
        }
    }

    /** The books' write lock, which can say which thread holds it. */
    private static final class WriterLock extends ReentrantLock {

        /** Takes the lock, noting how long that took and which thread held it when asked. */
        Wait lockTimed() {
            long asked = System.nanoTime();
            Thread holder = getOwner();
            lock();
            return new Wait(asked, System.nanoTime(), holder == null ? null : holder.getName());
        }
    }

    /** When a write asked for the books, when it had them, and which thread had them when it asked. */
    private record Wait(long asked, long locked, String before) {
    }

    /**
     * Says where a slow write's time went: waiting for another write, its own work and commit, or the disk. A
     * background write (a chunk of search terms, a pulled page) that is slow by its own work is told only at
     * debug level: what matters is the write that waited for it, whose report names its thread.
     */
    private void reportIfSlow(Wait wait, long committed, long forced, boolean background) {
        if (forced - wait.asked() < SLOW_WRITE) {
            return;
        }
        Level level = background && wait.locked() - wait.asked() < SLOW_WRITE ? Level.DEBUG : Level.WARN;
        SLOW.atLevel(level).log("A write to the books in {} took {} ms: {} ms waiting for the write before it (on {}),"
                + " {} ms its work and commit, {} ms writing it to disk", directory, (forced - wait.asked()) / 1_000_000,
                (wait.locked() - wait.asked()) / 1_000_000, wait.before() == null ? "no other thread" : wait.before(),
                (committed - wait.locked()) / 1_000_000, (forced - committed) / 1_000_000);
    }

    private void recordSaved(long saved) {
        try {
            lock.recordSaved(saved);
        } catch (IOException e) {
            // The write is saved; only the check after a crash knows less.
            log.warn("Could not record the count of saved writes in {}", directory.lockFile(), e);
        }
    }

    /**
     * Runs JDBC work in one write transaction (one at a time with the others) that is not forced to disk
     * at its commit: only for data derived from the books whose loss in a crash the books themselves
     * recover, such as the search terms of a bulk load, which are lost together with the taking of their
     * transactions off the backlog. H2 writes it within half a second, or with the next forced write.
     */
    public <T> T inDerivedTransaction(JdbcWork<T> work) {
        Wait wait = writer.lockTimed();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                long committed = System.nanoTime();
                reportIfSlow(wait, committed, committed, true);
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new HibernateException("Writing to the books failed: " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Whether another write waits for the books now: a long background write that can end early (a chunk of
     * search terms) asks, and lets it go first.
     */
    public boolean writeWaiting() {
        return writer.hasQueuedThreads();
    }

    /**
     * Sets the plain indexes of the ledger's tables aside for a first sync into books that hold no
     * transaction yet (ADR 0048), and returns how many; none when the books hold a transaction or have
     * indexes set aside already. {@link #putBackLedgerIndexes()} builds them again, and so does the next
     * opening of the books if it is not called.
     */
    public int deferLedgerIndexes() {
        writer.lock();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Map<String, String> plain = DeferredIndexes.plainIndexesIfNoLedger(connection);
                if (plain.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                DeferredIndexes.record(connection, plain);
                connection.commit();
                // The records on disk before any index goes: a crash then leaves the index or its record.
                checkpoint();
                DeferredIndexes.drop(connection, plain);
                return plain.size();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new HibernateException("Setting the ledger's indexes aside failed: " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    /** Builds again the indexes {@link #deferLedgerIndexes()} set aside; returns how many. */
    public int putBackLedgerIndexes() {
        writer.lock();
        try (Connection connection = dataSource.getConnection()) {
            int putBack = DeferredIndexes.putBack(connection);
            if (putBack > 0) {
                checkpoint();
            }
            return putBack;
        } catch (SQLException e) {
            throw new HibernateException("Building the ledger's indexes again failed: " + e.getMessage(), e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * At opening, the indexes a first sync set aside and did not put back (it was stopped): built again. If
     * that fails the books open all the same, their data whole and only the ledger's screens slower, and the
     * next opening tries again.
     */
    private static void putBackIndexes(DataDirectory directory, HikariDataSource dataSource, Consumer<String> stages) {
        try (Connection connection = dataSource.getConnection()) {
            if (DeferredIndexes.anySetAside(connection)) {
                stages.accept("Building the ledger's indexes again: the first sync that set them aside was stopped.");
                long start = System.nanoTime();
                int putBack = DeferredIndexes.putBack(connection);
                checkpoint(dataSource);
                log.warn("Built {} ledger indexes of the books in {} again, set aside by a first sync that was stopped, "
                        + "in {} ms", putBack, directory, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            log.error("Could not build again the ledger indexes of the books in {} set aside by a first sync; they open "
                    + "without them, and the next opening tries again", directory, e);
        }
    }

    public void runInTransaction(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** Runs the work in a read-only transaction, beside any write in progress. */
    public <T> T read(Function<Session, T> work) {
        return sessionFactory().fromTransaction(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        });
    }

    /**
     * Runs the work on a read-only JDBC connection in one transaction, without waiting for Hibernate:
     * for what the first screen shows while the session factory is still being built.
     */
    public <T> T readJdbc(JdbcWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new HibernateException("Reading the books failed: " + e.getMessage(), e);
        }
    }

    /**
     * Starts building the session factory in the background unless that has begun; returns at once.
     * The app calls it once the first screen shows its figures.
     */
    public void startSessionFactory() {
        if (sessionFactoryStarted.compareAndSet(false, true)) {
            sessionFactoryBuilder.execute(() -> {
                long building = System.nanoTime();
                try {
                    sessionFactory.complete(sessionFactory(dataSource));
                    log.info("Session factory of {} ready in {} ms", directory, (System.nanoTime() - building) / 1_000_000);
                } catch (Throwable e) {
                    sessionFactory.completeExceptionally(e);
                }
            });
        }
    }

    /** True once the session factory is built (or failed); reads through Hibernate then no longer wait. */
    public boolean isReady() {
        return sessionFactory.isDone();
    }

    /**
     * Waits until the session factory is built.
     *
     * @throws IllegalStateException when it could not be built, such as when the schema does not match the
     *         entities; the message says why
     */
    public void awaitReady() {
        sessionFactory();
    }

    private SessionFactory sessionFactory() {
        startSessionFactory();
        try {
            return sessionFactory.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("The books in " + directory.root() + " could not be opened completely: "
                    + cause.getMessage(), cause);
        }
    }

    /**
     * Writes the books as an H2 script (the statements that make them again, deflated) for {@link SafetyCopy}:
     * the rows as of one moment, read in a serializable (snapshot) transaction while writes go on. Only what the
     * books hold is written, not the free space of H2's file: a fifth of the file's zip, in a fifth of the time.
     *
     * @return how many transactions the copy holds
     */
    long scriptTo(Path file) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try (Statement statement = connection.createStatement()) {
                copying.set(statement);
                if (copiesStopped) {
                    throw new SQLException("The books are closing.");
                }
                long transactions;
                try (ResultSet count = statement.executeQuery("select count(*) from transactions")) {
                    count.next();
                    transactions = count.getLong(1);
                }
                statement.execute("script to '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' compression deflate");
                return transactions;
            } finally {
                copying.set(null);
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new HibernateException("The safety copy of the books could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Writes everything committed so far to the books' file and waits for the disk to have it ({@code CHECKPOINT
     * SYNC}), for a caller about to rely on it.
     */
    public void writeToDisk() {
        checkpoint(dataSource, "CHECKPOINT SYNC");
    }

    private void checkpoint() {
        checkpoint(dataSource);
    }

    private static void checkpoint(HikariDataSource dataSource) {
        checkpoint(dataSource, "CHECKPOINT");
    }

    private static void checkpoint(HikariDataSource dataSource, String command) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(command);
        } catch (SQLException e) {
            throw new HibernateException("The commit went through but could not be written to disk", e);
        }
    }

    /**
     * Stops a safety copy being written, and any asked for later, so that closing the books does not wait for
     * one (at 200,000 transactions a copy takes several seconds): the copy is not kept, the last one stays.
     */
    public void stopSafetyCopies() {
        copiesStopped = true;
        Statement statement = copying.get();
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                log.warn("Could not stop the safety copy of {}", directory, e);
            }
        }
    }

    /**
     * When to tidy the books on closing them (ADR 0047): a file of at least {@code smallestFile} bytes, less than
     * {@code fullestPercent} of it in use, and at most {@code mostInUse} bytes in use (which tidying copies).
     */
    record Tidying(long smallestFile, int fullestPercent, long mostInUse) {

        static final Tidying DEFAULT = new Tidying(64L << 20, 50, 256L << 20);

        boolean worthIt(long fileBytes, int percentInUse) {
            return fileBytes >= smallestFile && percentInUse < fullestPercent && fileBytes / 100 * percentInUse <= mostInUse;
        }
    }

    /**
     * Closes the books as {@link #close()} does and, when their file is mostly free space (as a large load leaves
     * it), tidies it into a file of the data alone first: for the end of the app once its window has closed, not
     * for a system that is shutting down.
     */
    public void closeAndTidy() {
        closeAndTidy(Tidying.DEFAULT);
    }

    void closeAndTidy(Tidying tidying) {
        close(Optional.of(tidying));
    }

    @Override
    public void close() {
        close(Optional.empty());
    }

    private void close(Optional<Tidying> tidying) {
        stopSafetyCopies();
        // A write in progress is let finish (its commit is what the user was promised); one that takes
        // longer is cut off, and H2 rolls it back when the books next open.
        boolean writing = false;
        try {
            writing = writer.tryLock(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!writing) {
                log.warn("A write to the books in {} did not finish within {}; closing them anyway", directory, CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            closeNow(writing ? tidying : Optional.empty());
        } finally {
            if (writing) {
                writer.unlock();
            }
        }
    }

    private void closeNow(Optional<Tidying> tidying) {
        try {
            // A factory still being built is waited for, so that nothing uses the pool once it is closed.
            if (sessionFactoryStarted.compareAndSet(false, true)) {
                sessionFactory.completeExceptionally(new IllegalStateException("The books were closed"));
            }
            SessionFactory factory = sessionFactory.exceptionally(e -> null).join();
            if (factory != null) {
                factory.close();
            }
        } finally {
            boolean closed = false;
            boolean marked = false;
            try {
                marked = tidying.isPresent() && tidy(tidying.get());
                dataSource.close();
                closed = true;
            } finally {
                lock.close(closed && !uncheckedAfterUncleanStop);
                if (marked) {
                    deleteTidyingMark();
                }
                log.info("Closed the books in {}", directory);
            }
        }
    }

    /**
     * Rewrites the books into a file of their data alone when it is worth it ({@code SHUTDOWN COMPACT}, which
     * closes the database): H2 writes the new file beside the old and swaps them, so a stop midway leaves the
     * one or the other whole. Marks the folder meanwhile, so that a BooksFlow started now waits instead of
     * refusing (see {@link StoreLock}). Returns whether it marked the folder.
     */
    private boolean tidy(Tidying tidying) {
        long fileBytes;
        int percentInUse;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            fileBytes = Long.parseLong(setting(statement, "info.FILE_SIZE"));
            percentInUse = Integer.parseInt(setting(statement, "info.CHUNKS_FILL_RATE"));
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not read how much of the books' file in {} is in use; they are closed as they are", directory, e);
            return false;
        }
        if (!tidying.worthIt(fileBytes, percentInUse)) {
            return false;
        }
        long started = System.nanoTime();
        try {
            Files.write(directory.tidyingMark(), new byte[0]);
            // On a connection of its own: the command ends the database under it, and the pool's connections are
            // closed after it as connections of a database that has closed.
            Connection direct = DriverManager.getConnection(jdbcUrl(directory), "booksflow", "");
            try {
                direct.createStatement().execute("SHUTDOWN COMPACT");
            } finally {
                closeQuietly(direct);
            }
            log.info("Tidied the books in {}: {} MB with {} % in use, now {} MB, in {} ms", directory, fileBytes >> 20,
                    percentInUse, Files.size(directory.databaseFile()) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException | RuntimeException e) {
            log.warn("Could not tidy the books in {}; they are closed as they are", directory, e);
        }
        return true;
    }

    /** A connection whose database has shut down may refuse to close: it is closed all the same. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The database it belonged to is closed.
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            if (!row.next()) {
                throw new SQLException("H2 does not report " + name);
            }
            return row.getString(1);
        }
    }

    private void deleteTidyingMark() {
        try {
            Files.deleteIfExists(directory.tidyingMark());
        } catch (IOException e) {
            log.warn("Could not remove {}; the next start removes it", directory.tidyingMark(), e);
        }
    }
}
