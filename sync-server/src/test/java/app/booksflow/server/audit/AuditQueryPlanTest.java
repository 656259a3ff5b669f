package app.booksflow.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.server.support.PlannerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit trail's queries, exactly as AuditTrailQuery builds them, on a practice-sized database. */
class AuditQueryPlanTest {

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"HIGH", "CRITICAL"})
    void highAndCriticalEventsByTimeUseThePartialIndex(RiskLevel risk) throws SQLException {
        assertPlanUses(filter(Optional.empty(), risk), "audit_events_high_risk_in_page_order");
    }

    @Test
    void theNextPageOfHighRiskEventsStillUsesThePartialIndex() throws SQLException {
        AuditFilter filter = new AuditFilter(Optional.empty(), Optional.of(RiskLevel.HIGH), Optional.empty(),
                Optional.empty(), Optional.of(new AuditFilter.Position(Instant.parse("2024-08-01T00:00:00Z"), 13_000)),
                AuditFilter.DEFAULT_LIMIT);

        assertPlanUses(filter, "audit_events_high_risk_in_page_order");
    }

    @Test
    void oneClientsHighRiskEventsUseItsPartialIndexInPageOrder() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            ClientId client = firstClient(c);
            assertPlanUses(filter(Optional.of(client), RiskLevel.HIGH), "audit_events_high_risk_by_client_in_page_order");
        }
    }

    @Test
    void oneClientsMonthUsesTheClientIndexInPageOrder() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            ClientId client = firstClient(c);
            AuditFilter month = new AuditFilter(Optional.of(client), Optional.empty(),
                    Optional.of(Instant.parse("2024-03-01T00:00:00Z")), Optional.of(Instant.parse("2024-04-01T00:00:00Z")),
                    Optional.empty(), AuditFilter.DEFAULT_LIMIT);
            assertPlanUses(month, "audit_events_by_client_in_page_order");
        }
    }

    @Test
    void theWholePracticeNewestFirstUsesTheOrganizationAndTimeIndex() throws SQLException {
        assertPlanUses(filter(Optional.empty(), RiskLevel.LOW), "audit_events_by_organization_and_time");
    }

    @Test
    void oneClientsEventsUseTheClientIndexInPageOrder() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            ClientId client = firstClient(c);
            assertPlanUses(filter(Optional.of(client), RiskLevel.LOW), "audit_events_by_client_in_page_order");
        }
    }

    /** A client of the practice the queries are planned for. */
    private static ClientId firstClient(Connection c) throws SQLException {
        return new ClientId(PlannerDatabase.any(c, "select id from clients where organization_id = "
                + "(select id from organizations order by id limit 1) order by id limit 1"));
    }

    private static AuditFilter filter(Optional<ClientId> client, RiskLevel risk) {
        return new AuditFilter(client, Optional.of(risk), Optional.empty(), Optional.empty(), Optional.empty(),
                AuditFilter.DEFAULT_LIMIT);
    }

    private static void assertPlanUses(AuditFilter filter, String index) throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            OrganizationId organization = new OrganizationId(PlannerDatabase.any(c,
                    "select id from organizations order by id limit 1"));
            AuditTrailQuery.Query query = AuditTrailQuery.query(organization, filter);

            assertThat(PlannerDatabase.indexesUsed(c, query.sql(), query.parameters()))
                    .as(PlannerDatabase.plan(c, query.sql(), query.parameters()).toPrettyString())
                    .containsExactly(index);
        }
    }
}
