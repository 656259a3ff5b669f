package app.booksflow.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.PlannerDatabase;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's hot queries, exactly as DashboardService sends them, on a practice-sized database. */
class DashboardQueryPlanTest {

    @Test
    void dailyMetricsOfAClientAndDateRangeUseThePrimaryKey() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            UUID client = PlannerDatabase.any(c, "select id from clients order by id limit 1");
            List<Object> parameters = List.of(client, Date.valueOf(LocalDate.of(2024, 7, 1)),
                    Date.valueOf(LocalDate.of(2025, 6, 30)));

            assertThat(PlannerDatabase.indexesUsed(c, DashboardService.DAILY_METRICS, parameters))
                    .as(PlannerDatabase.plan(c, DashboardService.DAILY_METRICS, parameters).toPrettyString())
                    .containsExactly("daily_metrics_pkey");
        }
    }

    @Test
    void pendingReceiptsOfAClientUseTheReceiptsByClientAndStatusIndex() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            UUID client = PlannerDatabase.any(c, "select id from clients order by id desc limit 1");
            List<Object> parameters = List.of(client);

            assertThat(PlannerDatabase.indexesUsed(c, DashboardService.PENDING_RECEIPTS, parameters))
                    .as(PlannerDatabase.plan(c, DashboardService.PENDING_RECEIPTS, parameters).toPrettyString())
                    .containsExactly("receipts_by_client_and_status");
        }
    }
}
