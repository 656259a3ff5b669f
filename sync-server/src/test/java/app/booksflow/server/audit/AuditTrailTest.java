package app.booksflow.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private TestServer server;
    private Practice practice;

    @BeforeEach
    void start() {
        server = TestServer.start();
        practice = Practice.create(server, "audit");
        Device laptop = new Device(practice.accountant);
        Transaction rent = practice.purchase(LocalDate.of(2025, 5, 1), "Landlord", 100_000);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, rent.id().value(), 0, rent));
        Transaction changed = new Transaction(rent.id(), rent.client(), rent.date(), rent.payee(), rent.memo(),
                rent.bankAccount(), rent.total().times(2), TransactionStatus.POSTED,
                List.of(app.booksflow.model.ledger.Split.of(practice.account("6000"), rent.total().times(2))));
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, rent.id().value(), 1, changed));
        laptop.pushOk(laptop.delete(practice.client.id(), EntityType.TRANSACTION, rent.id().value(), 2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAppliedChangeIsAuditedWithItsRiskAndTheChainVerifies() throws SQLException {
        try (Connection c = server.dataSource.getConnection()) {
            assertThat(new AuditVerifier().verify(c, practice.organization.id()).intact()).isTrue();
            assertThat(risks(c, "UPDATE")).contains("HIGH");
            assertThat(risks(c, "DELETE")).contains("HIGH");
            assertThat(risks(c, "CREATE")).contains("LOW");
        }
    }

    @Test
    void smallAndLargeBatchesAppendTheSameUnbrokenChain() throws SQLException {
        Device desktop = new Device(practice.admin);
        for (int size : new int[] {1, AuditTrail.MAX_ROWS_IN_ONE_STATEMENT, AuditTrail.MAX_ROWS_IN_ONE_STATEMENT + 1, 300}) {
            List<app.booksflow.protocol.Mutation> batch = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                Transaction sale = practice.sale(LocalDate.of(2025, 5, 2), "Batch of " + size, 100 + i);
                batch.add(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, sale.id().value(), 0, sale));
            }
            desktop.pushOk(batch.toArray(app.booksflow.protocol.Mutation[]::new));
        }

        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select count(*) from audit_events where "
                        + "entity_type = 'TRANSACTION' and after_state like '%Batch of %'")) {
            row.next();
            assertThat(row.getLong(1)).isEqualTo(1 + 2L * AuditTrail.MAX_ROWS_IN_ONE_STATEMENT + 1 + 300);
            assertThat(new AuditVerifier().verify(c, practice.organization.id()).intact()).isTrue();
        }
    }

    @Test
    void theApplicationCannotChangeOrRemoveAuditRows() throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set risk = 'LOW'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_events cascade"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void verificationFindsAnEditedRow() throws SQLException {
        long seq = seqOf("UPDATE");
        tamper("update audit_events set after_state = replace(after_state, 'Landlord', 'Friend') where seq = " + seq);

        AuditVerifier.Report report = verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("Row " + seq + " ") && p.contains("changed"));
    }

    @Test
    void verificationFindsARemovedRow() throws SQLException {
        long seq = seqOf("UPDATE");
        long next = next(seq);
        tamper("delete from audit_events where seq = " + seq);

        assertThat(verify().problems()).anyMatch(p -> p.contains("Row " + next + " does not follow") && p.contains("removed"));
    }

    @Test
    void verificationFindsRemovedLastRows() throws SQLException {
        tamper("delete from audit_events where seq = (select max(seq) from audit_events)");

        assertThat(verify().problems()).anyMatch(p -> p.contains("last rows were removed"));
    }

    @Test
    void verificationFindsReorderedRows() throws SQLException {
        long a = seqOf("CREATE");
        long b = seqOf("UPDATE");
        tamper("update audit_events set seq = -1 where seq = " + a + "; update audit_events set seq = " + a
                + " where seq = " + b + "; update audit_events set seq = " + b + " where seq = -1");

        AuditVerifier.Report report = verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("reordered") || p.contains("changed"));
    }

    private AuditVerifier.Report verify() throws SQLException {
        try (Connection c = server.dataSource.getConnection()) {
            return new AuditVerifier().verify(c, practice.organization.id());
        }
    }

    /** What an attacker with the database superuser could do: switch the guard off and edit. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_events disable trigger audit_events_append_only");
            for (String statement : sql.split(";")) {
                s.executeUpdate(statement);
            }
            s.execute("alter table audit_events enable trigger audit_events_append_only");
        }
    }

    private long seqOf(String action) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select min(seq) from audit_events where entity_type = 'TRANSACTION' and action = '"
                        + action + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The row after this one in its lane. */
    private long next(long seq) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select min(seq) from audit_events where seq > " + seq
                        + " and lane = (select lane from audit_events where seq = " + seq + ")")) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> risks(Connection c, String action) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select risk from audit_events where entity_type = 'TRANSACTION' and action = '" + action + "'")) {
            List<String> risks = new java.util.ArrayList<>();
            while (r.next()) {
                risks.add(r.getString(1));
            }
            return risks;
        }
    }
}
