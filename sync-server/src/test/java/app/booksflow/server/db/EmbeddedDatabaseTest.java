package app.booksflow.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void closeReturnsOnceTheServerHasEndedAndARestartKeepsTheData() throws Exception {
        long pid;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            try (Connection c = DriverManager.getConnection(database.jdbcUrl());
                    Statement s = c.createStatement()) {
                // Enough rows that the last checkpoint has something to write.
                s.execute("create table kept as select n, md5(n::text) as text from generate_series(1, 100000) n");
            }
            pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().strip());
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0);
                Connection c = DriverManager.getConnection(database.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from kept")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(100_000);
        }
    }

    /**
     * A commit that returned is on disk: killing every PostgreSQL process right after it (a crash, as far as
     * the server can tell) loses none of them. The test library's own default answers a commit before its
     * write-ahead log is flushed, which would lose the last fraction of a second here.
     */
    @Test
    void everyCommitThatReturnedSurvivesTheDatabaseBeingKilled() throws Exception {
        int commits = 300;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().strip());
            try (Connection c = DriverManager.getConnection(database.jdbcUrl());
                    Statement s = c.createStatement()) {
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "full_page_writes")).isEqualTo("on");
                s.execute("create table answered (n int primary key)");
                for (int n = 1; n <= commits; n++) {
                    s.execute("insert into answered values (" + n + ")");
                }
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                List<ProcessHandle> children = postmaster.descendants().toList();
                children.forEach(ProcessHandle::destroyForcibly);
                postmaster.destroyForcibly();
                postmaster.onExit().get();
                for (ProcessHandle child : children) {
                    child.onExit().get();
                }
            }
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0);
                Connection c = DriverManager.getConnection(database.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*), max(n) from answered")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(commits);
            assertThat(rows.getLong(2)).isEqualTo(commits);
        }
    }

    /**
     * A PostgreSQL whose administrator turned {@code fsync} off (a setting of the whole server, which no
     * connection can change) is named in the server's warning, before its lazy {@code synchronous_commit}.
     */
    @Test
    void aServerThatDoesNotSyncItsWritesIsWarnedAbout() throws Exception {
        try (EmbeddedPostgres careless = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start()) {
            assertThat(Database.durabilityWarning(careless.getPostgresDatabase())).get(STRING)
                    .startsWith("PostgreSQL runs with fsync = off")
                    .contains("Set fsync = on in postgresql.conf.");
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rows = s.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
