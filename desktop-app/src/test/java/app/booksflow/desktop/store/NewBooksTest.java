package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start killed while it makes the books (found by {@link CompactionKillCampaign}) leaves part of
 * a schema: H2 commits each statement of a schema on its own, and Flyway cannot finish a migration that
 * was half run. Such books hold no data, so the next start makes them again; books that hold anything
 * are never thrown away.
 */
class NewBooksTest {

    @TempDir
    Path dir;

    @Test
    void booksWhoseFirstStartWasCutShortAreMadeAgain() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (Connection connection = connect(directory)) {
            firstStatementsOfTheFirstMigration(connection, 2);
        }

        try (LocalStore store = LocalStore.open(directory)) {
            assertThat(tableCount(store)).isGreaterThan(20);
            long applied = store.readJdbc(connection -> {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                        "select count(*) from \"flyway_schema_history\" where \"success\"")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertThat(applied).isGreaterThan(10);
        }
    }

    @Test
    void booksThatHoldARowAreNeverMadeAgain() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (Connection connection = connect(directory); Statement statement = connection.createStatement()) {
            firstStatementsOfTheFirstMigration(connection, 1);
            statement.execute("insert into practices (id, name) values (random_uuid(), 'Kept Ltd')");
        }

        assertThatThrownBy(() -> LocalStore.open(directory)).isNotNull();

        try (Connection connection = connect(directory); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select name from practices")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Kept Ltd");
        }
    }

    private static Connection connect(DataDirectory directory) throws SQLException {
        return DriverManager.getConnection(LocalStore.jdbcUrl(directory), "booksflow", "");
    }

    /** Runs the first {@code count} statements of V1, as a start killed after them would have. */
    private static void firstStatementsOfTheFirstMigration(Connection connection, int count)
            throws IOException, SQLException {
        String script;
        try (InputStream in = NewBooksTest.class.getResourceAsStream("/db/desktop/V1__local_books.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] statements = script.replaceAll("(?m)--.*$", "").split(";");
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                statement.execute(statements[i]);
            }
        }
    }

    private static long tableCount(LocalStore store) {
        return store.readJdbc(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                    "select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
