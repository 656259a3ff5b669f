package app.booksflow.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.server.audit.AuditVerifier;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The volume profile's history is a trail the server wrote: chained, verified, spread over clients and risks. */
class AuditHistoryTest {

    @Test
    void historyExtendsTheChainWhichStillVerifies() throws SQLException {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "history");
            long before = count(server, "select count(*) from audit_events");

            AuditHistory.append(server.dataSource, practice.organization.id(), List.of(practice.client.id()),
                    List.of(practice.adminUser.id()), AuditHistory.BATCH + 1_234, 7);

            assertThat(count(server, "select count(*) from audit_events")).isEqualTo(before + AuditHistory.BATCH + 1_234);
            assertThat(count(server, "select count(distinct risk) from audit_events")).isEqualTo(4);
            try (Connection c = server.dataSource.getConnection()) {
                assertThat(new AuditVerifier().verify(c, practice.organization.id()).intact()).isTrue();
            }
        }
    }

    @Test
    void theMixIsMostlyLowRiskEditsOverTwoYears() {
        SplittableRandom random = new SplittableRandom(1);
        var clients = List.of(new app.booksflow.model.id.ClientId(java.util.UUID.randomUUID()));
        var actors = List.of(new app.booksflow.model.id.UserId(java.util.UUID.randomUUID()));
        var organization = new app.booksflow.model.id.OrganizationId(java.util.UUID.randomUUID());
        var events = IntStream.range(0, 10_000).mapToObj(i -> AuditHistory.event(random, organization, clients, actors)).toList();

        Set<RiskLevel> risks = EnumSet.noneOf(RiskLevel.class);
        events.forEach(event -> risks.add(event.risk()));
        assertThat(risks).containsExactlyInAnyOrder(RiskLevel.values());
        assertThat(events.stream().filter(e -> e.risk() == RiskLevel.LOW).count()).isBetween(7_700L, 8_300L);
        assertThat(events.stream().filter(e -> e.action() == AuditAction.CREATE).allMatch(e -> e.before().isEmpty())).isTrue();
        assertThat(events.stream().filter(e -> e.action() == AuditAction.DELETE).allMatch(e -> e.after().isEmpty())).isTrue();
        assertThat(events).allMatch(e -> e.at().toString().startsWith("2024") || e.at().toString().startsWith("2025"));
    }

    private static long count(TestServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
