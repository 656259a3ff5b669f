package app.booksflow.server.support;

import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started on first use. The schema is migrated once into a
 * template database; every test gets its own copy of it, which takes a fraction of a second.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "booksflow_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase postgres;

    private TestDatabases() {
    }

    private static synchronized EmbeddedDatabase postgres() {
        if (postgres == null) {
            try {
                Path dir = Files.createTempDirectory("booksflow-test-pg");
                postgres = EmbeddedDatabase.start(dir, 0);
                EmbeddedDatabase started = postgres;
                // Every test database lives in this folder: stopped and removed when the test JVM ends.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    TempFolders.delete(dir);
                }, "test-database-cleanup"));
                try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                        Statement s = c.createStatement()) {
                    s.execute("create database " + TEMPLATE);
                }
                try (HikariDataSource template = Database.pool(url(TEMPLATE), EmbeddedDatabase.USER, "", 2)) {
                    Database.migrate(template);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the test database", e);
            }
        }
        return postgres;
    }

    /** A new, migrated, empty database. */
    public static synchronized String freshDatabaseUrl() {
        String name = "booksflow_test_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgres().jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " template " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
        return url(name);
    }

    /** A new database with no schema at all (for migrate and restore tests). */
    public static synchronized String emptyDatabaseUrl() {
        String name = "booksflow_empty_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgres().jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database", e);
        }
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres().port() + "/" + database + "?user=" + EmbeddedDatabase.USER;
    }
}
