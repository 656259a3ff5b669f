package app.booksflow.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
}
