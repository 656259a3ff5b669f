package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyAuditCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void anIntactTrailExitsWithZero() {
        try (TestServer server = TestServer.start()) {
            Practice.create(server, "intact");

            Cli.Result verified = Cli.run(Cli.on(server.dataSource.getJdbcUrl(), dataDir, "verify-audit"));

            assertThat(verified.exitCode()).as(verified.err()).isZero();
            assertThat(verified.out()).contains("Practice intact", "chain intact.", "Every audit chain is intact (1 practice).");
        }
    }

    @Test
    void anEditedRowExitsWithOneAndSaysWhichRow() throws SQLException {
        try (TestServer server = TestServer.start()) {
            Practice.create(server, "tampered");
            // What an insider with superuser rights could do: switch the append-only trigger off for a moment.
            try (Connection superuser = DriverManager.getConnection(server.dataSource.getJdbcUrl());
                    Statement sql = superuser.createStatement()) {
                sql.execute("alter table audit_events disable trigger audit_events_append_only");
                sql.executeUpdate("update audit_events set after_state = '{\"role\":\"ACCOUNTANT\"}' where seq = 1");
                sql.execute("alter table audit_events enable trigger audit_events_append_only");
            }

            Cli.Result verified = Cli.run(Cli.on(server.dataSource.getJdbcUrl(), dataDir, "verify-audit"));

            assertThat(verified.exitCode()).isEqualTo(1);
            assertThat(verified.out()).contains("Row 1 (CREATE of USER", "was changed after it was written.",
                    "1 of 1 audit chains are broken");
        }
    }
}
