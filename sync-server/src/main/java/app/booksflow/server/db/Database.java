package app.booksflow.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/** The connection pool and the schema. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource pool(String jdbcUrl, String user, String password, int maxConnections) {
        HikariConfig config = new HikariConfig();
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

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    /** Brings the schema up to date; returns the number of migrations applied. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
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
