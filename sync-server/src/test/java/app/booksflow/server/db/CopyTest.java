package app.booksflow.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopyTest {

    private static final String DATABASE = TestDatabases.freshDatabaseUrl();

    @ParameterizedTest
    @ValueSource(strings = {"plain {\"json\": 1}", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash",
            "\\N", "\\.", "mixed \\t\t\\n\n", "é ü 日本", ""})
    void copiesAnyTextExactly(String text) throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE);
                Statement s = c.createStatement()) {
            s.execute("create table if not exists copied (value text, missing text, at timestamptz, bytes bytea)");
            s.execute("truncate copied");
            new Copy("copied (value, missing, at, bytes)")
                    .value(text).value(null).value(Instant.parse("2025-06-02T08:00:00.123456Z")).value(new byte[] {0, 1, -1})
                    .endRow().into(c);
            try (ResultSet r = s.executeQuery("select value, missing, at, bytes from copied")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(text);
                assertThat(r.getString(2)).isNull();
                assertThat(r.getTimestamp(3).toInstant()).isEqualTo(Instant.parse("2025-06-02T08:00:00.123456Z"));
                assertThat(r.getBytes(4)).containsExactly(0, 1, -1);
            }
        }
    }
}
