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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

/**
 * The books on this device: an H2 file in the data folder, its schema owned by Flyway
 * ({@code classpath:db/desktop}), read and written through Hibernate entities that are validated
 * against that schema, with plain JDBC (through {@link Session#doWork}) for bulk work.
 *
 * <p>Writes are serialized: one write transaction at a time, which is all a desktop needs and keeps
 * the precomputed dashboard rows free of lock waits and deadlocks; reads run beside them (H2 is
 * MVCC). After every committed write the store asks H2 to write its log (CHECKPOINT): H2 otherwise
 * keeps up to half a second of commits in memory, and a killed process would lose them.
 */
public final class LocalStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
    private static final List<Class<?>> ENTITIES = List.of(PracticeEntity.class, ClientEntity.class,
            AccountEntity.class, TaxCodeEntity.class, TransactionEntity.class, ReceiptEntity.class,
            AuditEventEntity.class);
    static final String MIGRATIONS = "classpath:db/desktop";

    private final DataDirectory directory;
    private final StoreLock lock;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final ReentrantLock writer = new ReentrantLock();

    private LocalStore(DataDirectory directory, StoreLock lock, HikariDataSource dataSource,
            SessionFactory sessionFactory) {
        this.directory = directory;
        this.lock = lock;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /**
     * Locks the data folder, opens (or creates) the database, migrates it and builds the session
     * factory. Slow the first time in a process (about 1.5 s): call it off the UI thread.
     *
     * @throws StoreLockedException when another window already has this data folder open
     */
    public static LocalStore open(DataDirectory directory) {
        long start = System.nanoTime();
        StoreLock lock = StoreLock.acquire(directory);
        HikariDataSource dataSource = null;
        try {
            dataSource = pool(directory);
            int migrations = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate()
                    .migrationsExecuted;
            if (migrations > 0) {
                // Flyway's commits bypass the write path: without this a kill soon after could undo them.
                checkpoint(dataSource);
            }
            long migrated = System.nanoTime();
            SessionFactory sessionFactory = sessionFactory(dataSource);
            log.info("Opened the books in {} ({} migrations applied, {} ms; session factory {} ms)", directory,
                    migrations, (migrated - start) / 1_000_000, (System.nanoTime() - migrated) / 1_000_000);
            return new LocalStore(directory, lock, dataSource, sessionFactory);
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

    static String jdbcUrl(DataDirectory directory) {
        // DB_CLOSE_ON_EXIT=FALSE: the application closes the store itself; H2's own shutdown hook would
        // close the database under a pool that is still in use. File locking stays H2's default.
        return "jdbc:h2:file:" + directory.database() + ";DB_CLOSE_ON_EXIT=FALSE";
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
        writer.lock();
        try {
            T result = sessionFactory.fromTransaction(work);
            checkpoint();
            return result;
        } finally {
            writer.unlock();
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
        return sessionFactory.fromTransaction(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        });
    }

    private void checkpoint() {
        checkpoint(dataSource);
    }

    private static void checkpoint(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new HibernateException("The commit went through but could not be written to disk", e);
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            try {
                dataSource.close();
            } finally {
                lock.close();
                log.info("Closed the books in {}", directory);
            }
        }
    }
}
