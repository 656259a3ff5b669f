package app.booksflow.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The connection pool and the schema. */
public final class Database {

    /** HikariCP's own default wait for a free connection. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private Database() {
    }

    public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxConnections) {
        return pool(jdbcUrl, user, password, maxConnections, DEFAULT_WAIT);
    }

    /** @param wait how long a caller waits for a free connection before the pool gives up (HikariCP takes 250 ms or more) */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxConnections,
            Duration wait) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(wait.toMillis());
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("booksflow");
        // Plain statements are parsed once per connection and reused.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration");
    }

    private static Flyway flyway(DataSource dataSource) {
        return configuration(dataSource).load();
    }

    /**
     * Brings the schema up to date; returns the number of migrations applied.
     *
     * @throws NewerSchemaException when a newer server has migrated the database further than this one knows
     */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        refuseNewer(flyway.info());
        return flyway.migrate().migrationsExecuted;
    }

    /** Brings the schema up to the version and no further (a restore rebuilds the schema its backup was taken at). */
    public static int migrate(DataSource dataSource, String targetVersion) {
        Flyway flyway = configuration(dataSource).target(MigrationVersion.fromVersion(targetVersion)).load();
        refuseNewer(flyway.info());
        return flyway.migrate().migrationsExecuted;
    }

    /**
     * The database was migrated by a newer server: this one does not know its tables and would write rows the
     * newer one does not expect, so it changes nothing. (Flyway itself ignores such migrations and goes on.)
     */
    public static final class NewerSchemaException extends RuntimeException {

        NewerSchemaException(String databaseVersion, String serverVersion) {
            super("The database schema is at version " + databaseVersion + ", newer than this server's ("
                    + serverVersion + "): a newer BooksFlow server has updated it. Run that version or a later one, "
                    + "or restore a backup taken by this version; nothing was changed.");
        }
    }

    private static void refuseNewer(MigrationInfoService info) {
        MigrationVersion newest = null;
        MigrationVersion shipped = MigrationVersion.EMPTY;
        for (MigrationInfo migration : info.all()) {
            MigrationVersion version = migration.getVersion();
            if (version == null) {
                continue;
            }
            boolean unknown = migration.getState() == MigrationState.FUTURE_SUCCESS
                    || migration.getState() == MigrationState.FUTURE_FAILED;
            if (unknown && (newest == null || version.isNewerThan(newest.getVersion()))) {
                newest = version;
            }
            if (migration.getState().isResolved() && version.isNewerThan(shipped.getVersion())) {
                shipped = version;
            }
        }
        if (newest != null) {
            throw new NewerSchemaException(newest.getVersion(), shipped.getVersion());
        }
    }

    /** The version the database's schema is at; empty when nothing was migrated yet. */
    public static Optional<String> currentVersion(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource).info().current();
        return current == null || current.getVersion() == null ? Optional.empty() : Optional.of(current.getVersion().getVersion());
    }

    /** True when the first schema version comes after the second, in Flyway's order (1.10 after 1.9). */
    public static boolean isNewer(String version, String than) {
        return MigrationVersion.fromVersion(version).isNewerThan(than);
    }

    /** The newest migration this build ships. */
    public static String latestVersion(DataSource dataSource) {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (var info : flyway(dataSource).info().all()) {
            if (info.getVersion() != null && info.getVersion().isNewerThan(latest.getVersion())) {
                latest = info.getVersion();
            }
        }
        return latest.getVersion();
    }

    /**
     * What is wrong with how the database keeps a commit, if anything: the server answers a push once it has
     * committed, and the device then lets go of those changes, so a commit must be on disk when it returns
     * (ADR 0043). Empty when {@code fsync} is on and {@code synchronous_commit} is not {@code off}.
     */
    public static Optional<String> durabilityWarning(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select current_setting('fsync'), current_setting('synchronous_commit')")) {
            rows.next();
            if ("off".equals(rows.getString(1))) {
                return Optional.of("PostgreSQL runs with fsync = off: a crash of the computer can lose or corrupt "
                        + "everything the server has saved. Set fsync = on in postgresql.conf.");
            }
            if ("off".equals(rows.getString(2))) {
                return Optional.of("PostgreSQL answers commits before they are on disk (synchronous_commit = off): "
                        + "a crash can lose pushes the server has already confirmed to the devices, which no longer "
                        + "hold them. Set synchronous_commit = on in postgresql.conf.");
            }
            return Optional.empty();
        }
    }

    /** True when the database answers and its schema is at the given version. */
    public static boolean isReady(DataSource dataSource, String expectedVersion) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version from flyway_schema_history where success order by installed_rank desc limit 1")) {
            return rows.next() && expectedVersion.equals(rows.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }
}
