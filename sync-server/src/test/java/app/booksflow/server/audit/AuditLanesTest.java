package app.booksflow.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.EmbeddedDatabase;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestDatabases;
import app.booksflow.server.support.TestServer;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A practice's audit chain runs in lanes (ADR 0045): writes of one practice hold different lanes until they
 * commit, and the verifier walks every lane to its recorded end.
 */
class AuditLanesTest {

    private final AuditTrail trail = new AuditTrail();
    private String url;
    private TestServer server;
    private OrganizationId practice;

    @BeforeEach
    void start() {
        url = TestDatabases.freshDatabaseUrl();
        server = TestServer.startOn(url);
        practice = Practice.create(server, "lanes").organization.id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWriteDoesNotWaitForAnotherWriteOfThePracticeToCommit() throws SQLException {
        try (Connection first = open(); Connection second = open()) {
            trail.append(first, List.of(event("first")));
            try (Statement s = second.createStatement()) {
                s.execute("set lock_timeout = '2s'"); // one chain head for the practice would fail here
            }
            trail.append(second, List.of(event("second")));
            second.commit();
            first.commit();
        }

        assertThat(count("select count(distinct lane) from audit_events where after_state in ('\"first\"', '\"second\"')"))
                .isEqualTo(2);
        assertThat(verify().problems()).isEmpty();
    }

    @Test
    void whenEveryLaneIsHeldTheNextWriteWaitsForOneToCommit() throws Exception {
        List<Connection> holding = new ArrayList<>();
        try {
            for (int i = 0; i < AuditTrail.LANES; i++) {
                Connection held = open();
                holding.add(held);
                try (Statement s = held.createStatement()) {
                    s.execute("set lock_timeout = '5s'"); // none of these waits for a lane
                }
                trail.append(held, List.of(event("held " + i)));
            }
            CompletableFuture<Void> ninth = CompletableFuture.runAsync(() -> {
                try (Connection c = open()) {
                    trail.append(c, List.of(event("ninth")));
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() == 1);
            assertThat(ninth).isNotDone();

            for (Connection held : holding) {
                held.commit();
            }
            ninth.get();
        } finally {
            for (Connection held : holding) {
                held.close();
            }
        }

        assertThat(count("select count(distinct lane) from audit_events where after_state like '\"held %'"))
                .isEqualTo(AuditTrail.LANES);
        assertThat(count("select count(*) from audit_events where after_state = '\"ninth\"'")).isOne();
        assertThat(verify().problems()).isEmpty();
    }

    @Test
    void aRowMovedToAnotherLaneBreaksBothLanes() throws SQLException {
        twoLanesOfTwoRows();
        long moved = count("select min(seq) from audit_events where lane = 1");

        tamper("update audit_events set lane = 0 where seq = " + moved);

        assertThat(verify().problems())
                .anyMatch(p -> p.contains("Row " + moved + " does not follow row"))
                .anyMatch(p -> p.contains("of lane 1") || p.contains("start of lane 1"));
    }

    @Test
    void theLastRowsOfALaneOtherThanTheFirstCannotBeRemovedUnseen() throws SQLException {
        twoLanesOfTwoRows();

        tamper("delete from audit_events where lane = 1");

        assertThat(verify().problems()).containsExactly(
                "Lane 1 should end at row " + count("select seq from audit_chain_heads where lane = 1 and organization_id = '"
                        + practice.value() + "'") + " but ends at its start: the last rows were removed.");
    }

    @Test
    void aRowInALaneThePracticeDoesNotHaveIsFound() throws SQLException {
        twoLanesOfTwoRows();

        tamper("update audit_events set lane = 42 where seq = (select max(seq) from audit_events where lane = 1)");

        assertThat(verify().problems()).anyMatch(p -> p.contains("is in lane 42, which the practice's chain does not have"));
    }

    @Test
    void aChainWrittenBeforeLanesVerifiesAfterTheUpgradeAndGoesOn() throws SQLException {
        try (HikariDataSource old = Database.pool(TestDatabases.emptyDatabaseUrl(), EmbeddedDatabase.USER, "", 2)) {
            Database.migrate(old, "7");
            OrganizationId organization = OrganizationId.random();
            try (Connection c = old.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into organizations (id, name) values ('" + organization.value() + "', 'Old')");
                }
                byte[] previous = AuditChain.GENESIS;
                for (long seq = 1; seq <= 3; seq++) {
                    previous = insertAsBeforeLanes(c, organization, seq, previous);
                }
                try (PreparedStatement head = c.prepareStatement(
                        "insert into audit_chain_heads (organization_id, seq, hash) values (?, 3, ?)")) {
                    head.setObject(1, organization.value());
                    head.setBytes(2, previous);
                    head.executeUpdate();
                }
            }

            Database.migrate(old);

            try (Connection c = old.getConnection()) {
                assertThat(new AuditVerifier().verify(c, organization).problems()).isEmpty();
                c.setAutoCommit(false);
                trail.append(c, List.of(event(organization, "after the upgrade")));
                c.commit();
                AuditVerifier.Report report = new AuditVerifier().verify(c, organization);
                assertThat(report.problems()).isEmpty();
                assertThat(report.rows()).isEqualTo(4);
                try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(
                        "select seq, lane from audit_events where after_state = '\"after the upgrade\"'")) {
                    row.next();
                    assertThat(row.getLong(1)).as("numbered after the rows before").isEqualTo(4);
                    assertThat(row.getInt(2)).isZero();
                }
            }
        }
    }

    /** Two open writes take lanes 0 and 1; each lane then gets a second row. */
    private void twoLanesOfTwoRows() throws SQLException {
        try (Connection first = open(); Connection second = open()) {
            trail.append(first, List.of(event("a1")));
            trail.append(second, List.of(event("b1")));
            trail.append(first, List.of(event("a2")));
            trail.append(second, List.of(event("b2")));
            first.commit();
            second.commit();
        }
        assertThat(count("select count(distinct lane) from audit_events where organization_id = '" + practice.value()
                + "' and after_state in ('\"a1\"', '\"b1\"', '\"a2\"', '\"b2\"')")).isEqualTo(2);
        assertThat(verify().problems()).isEmpty();
    }

    /** A row as the server wrote it before lanes: numbered per practice, no lane column. */
    private static byte[] insertAsBeforeLanes(Connection c, OrganizationId organization, long seq, byte[] previous)
            throws SQLException {
        AuditEvent event = event(organization, "before " + seq);
        byte[] hash = AuditChain.hash(previous, seq, event);
        try (PreparedStatement insert = c.prepareStatement("""
                insert into audit_events (organization_id, seq, id, at, entity_type, entity_id, action, after_state, risk,
                    prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, organization.value());
            insert.setLong(2, seq);
            insert.setObject(3, event.id().value());
            insert.setTimestamp(4, Timestamp.from(AuditChain.storedPrecision(event.at())));
            insert.setString(5, event.entityType().name());
            insert.setObject(6, event.entityId());
            insert.setString(7, event.action().name());
            insert.setString(8, event.after().orElseThrow());
            insert.setString(9, event.risk().name());
            insert.setBytes(10, previous);
            insert.setBytes(11, hash);
            insert.executeUpdate();
        }
        return hash;
    }

    private AuditEvent event(String what) {
        return event(practice, what);
    }

    private static AuditEvent event(OrganizationId organization, String what) {
        return new AuditEvent(AuditEventId.random(), Instant.now(), organization, Optional.empty(), Optional.empty(),
                Optional.empty(), EntityType.CLIENT, UUID.randomUUID(), AuditAction.UPDATE, Optional.empty(),
                Optional.of("\"" + what + "\""), RiskLevel.LOW);
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        return c;
    }

    private long waitingForALock() throws SQLException {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private AuditVerifier.Report verify() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return new AuditVerifier().verify(c, practice);
        }
    }

    /** What someone with the database superuser could do: switch the guard off and edit. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("alter table audit_events disable trigger audit_events_append_only");
            s.executeUpdate(sql);
            s.execute("alter table audit_events enable trigger audit_events_append_only");
        }
    }
}
