package app.booksflow.desktop.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * Books as an older version left them, made from current books: a migration's own changes undone by the
 * statements given, and it and every later one taken off the schema history, so that Flyway applies them again.
 */
public final class OlderBooks {

    private OlderBooks() {
    }

    /**
     * Runs the statements, then forgets the migration of that version and all after it; returns how many were
     * forgotten. Every migration of the books is written to run again over its own work.
     */
    public static int before(String url, String version, String... undo) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement statement = connection.createStatement()) {
            for (String sql : undo) {
                statement.execute(sql);
            }
            return statement.executeUpdate("delete from \"flyway_schema_history\" where \"installed_rank\" >= "
                    + "(select \"installed_rank\" from \"flyway_schema_history\" where \"version\" = '" + version + "')");
        }
    }

    /** Applies the migrations not in the schema history; returns how many ran. */
    public static int migrate(String url) {
        return Flyway.configure().dataSource(url, "booksflow", "").locations("classpath:db/desktop").load().migrate()
                .migrationsExecuted;
    }
}
