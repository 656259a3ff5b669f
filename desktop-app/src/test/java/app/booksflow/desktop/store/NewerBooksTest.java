package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Books a newer version of the app has updated: this version leaves them alone and says why. */
class NewerBooksTest {

    @TempDir
    Path dir;

    @Test
    void booksUpdatedByANewerVersionAreRefusedUnchangedAndStayOpenable() throws Exception {
        DataDirectory books = new DataDirectory(dir);
        LocalStore.open(books).close();
        String shipped = newestVersion(books);
        recordNewerMigration(books, "99", true);
        execute(books, "create table newer_version_rows (id int primary key)");
        List<String> history = history(books);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> LocalStore.open(books))
                    .isInstanceOfSatisfying(NewerBooksException.class, e -> {
                        assertThat(e.booksVersion()).isEqualTo("99");
                        assertThat(e.appVersion()).isEqualTo(shipped);
                    })
                    .hasMessageContaining("updated by a newer version of BooksFlow")
                    .hasMessageContaining("nothing in them was changed");
            assertThatThrownBy(() -> LocalStore.openVerified(books)).isInstanceOf(NewerBooksException.class);
        }

        // Nothing ran or was recorded, and the refusal let go of the folder: plain JDBC opens it.
        assertThat(history(books)).isEqualTo(history);
        assertThat(Files.readString(books.lockFile())).as("still says the books were closed properly")
                .isEmpty();
        execute(books, "insert into newer_version_rows values (1)");
    }

    @Test
    void aFailedMigrationOfANewerVersionIsRefusedToo() throws Exception {
        DataDirectory books = new DataDirectory(dir);
        LocalStore.open(books).close();
        recordNewerMigration(books, "99.1", false);

        assertThatThrownBy(() -> LocalStore.open(books)).isInstanceOfSatisfying(NewerBooksException.class,
                e -> assertThat(e.booksVersion()).isEqualTo("99.1"));
    }

    /** What a newer version's migration leaves in the history, run to the end or failed half-way. */
    private static void recordNewerMigration(DataDirectory books, String version, boolean success) throws SQLException {
        try (Connection c = connect(books); PreparedStatement insert = c.prepareStatement("""
                insert into "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                    "checksum", "installed_by", "execution_time", "success")
                select max("installed_rank") + 1, ?, 'from a newer version', 'SQL', ?, 0, 'booksflow', 5, ?
                from "flyway_schema_history\"""")) {
            insert.setString(1, version);
            insert.setString(2, "V" + version.replace('.', '_') + "__from_a_newer_version.sql");
            insert.setBoolean(3, success);
            insert.executeUpdate();
        }
    }

    private static String newestVersion(DataDirectory books) throws SQLException {
        try (Connection c = connect(books); Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("select \"version\" from \"flyway_schema_history\" where \"version\" "
                        + "is not null order by \"installed_rank\" desc fetch first 1 rows only")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> history(DataDirectory books) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(books); Statement sql = c.createStatement();
                ResultSet row = sql.executeQuery("select \"installed_rank\", \"version\", \"success\" from "
                        + "\"flyway_schema_history\" order by \"installed_rank\"")) {
            while (row.next()) {
                rows.add(row.getInt(1) + " " + row.getString(2) + " " + row.getBoolean(3));
            }
        }
        return rows;
    }

    private static void execute(DataDirectory books, String statement) throws SQLException {
        try (Connection c = connect(books); Statement sql = c.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection connect(DataDirectory books) throws SQLException {
        return DriverManager.getConnection(LocalStore.jdbcUrl(books), "booksflow", "");
    }
}
