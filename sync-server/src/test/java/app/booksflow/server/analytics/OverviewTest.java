package app.booksflow.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.model.practice.Client;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Books;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overview's months are the database's calendar months, so these tests book on the database's today. */
class OverviewTest {

    @Test
    void anAdminsRefreshBringsNewBookingsIntoTheOverview() throws SQLException {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "overview-refresh");
            LocalDate today = databaseToday(server);
            practice.admin.post("/api/v1/analytics/refresh", Map.of());
            Books.post(practice.accountant, practice.sale(today, "Corner Cafe", 45_000));
            JsonNode stale = client(practice.admin.get("/api/v1/analytics/overview").json(), practice);

            Response refreshed = practice.admin.post("/api/v1/analytics/refresh", Map.of());
            JsonNode overview = practice.admin.get("/api/v1/analytics/overview").json();

            assertThat(stale.get("transactionCount").asLong()).isZero();
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().get("refreshedAt").asText()).isEqualTo(overview.get("refreshedAt").asText());
            JsonNode numbers = client(overview, practice);
            assertThat(numbers.get("incomeThisMonth").get("amount").asText()).isEqualTo("450.00");
            assertThat(numbers.get("expensesThisMonth").get("amount").asText()).isEqualTo("0.00");
            assertThat(numbers.get("transactionCount").asLong()).isEqualTo(1);
            assertThat(numbers.get("name").asText()).isEqualTo(practice.client.name());
        }
    }

    @Test
    void onlyAdminsMayRefresh() {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "overview-roles");

            assertThat(practice.accountant.post("/api/v1/analytics/refresh", Map.of()).status()).isEqualTo(403);
            assertThat(practice.owner.post("/api/v1/analytics/refresh", Map.of()).status()).isEqualTo(403);
        }
    }

    @Test
    void everyoneSeesOnlyTheClientsTheyMaySee() {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "overview-scope");
            Practice other = Practice.create(server, "overview-scope-other");
            Client unassigned = Books.newClient(practice, "Unassigned Ltd");
            practice.admin.post("/api/v1/analytics/refresh", Map.of());

            assertThat(clientIds(practice.admin)).containsExactlyInAnyOrder(practice.client.id().toString(),
                    unassigned.id().toString());
            assertThat(clientIds(practice.accountant)).containsExactly(practice.client.id().toString());
            assertThat(clientIds(practice.owner)).containsExactly(practice.client.id().toString());
            assertThat(clientIds(other.admin)).containsExactly(other.client.id().toString());
        }
    }

    @Test
    void theOverviewIsRefreshedOnTheConfiguredSchedule() throws SQLException {
        try (TestServer server = TestServer.start(Map.of("dashboard.refresh", "PT0.2S"))) {
            Practice practice = Practice.create(server, "overview-schedule");
            Books.post(practice.accountant, practice.sale(databaseToday(server), "Corner Cafe", 12_345));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    client(practice.admin.get("/api/v1/analytics/overview").json(), practice)
                            .path("incomeThisMonth").path("amount").asText()).isEqualTo("123.45"));
        }
    }

    private static List<String> clientIds(ApiClient user) {
        List<String> ids = new ArrayList<>();
        user.get("/api/v1/analytics/overview").json().get("clients").forEach(c -> ids.add(c.get("client").asText()));
        return ids;
    }

    private static JsonNode client(JsonNode overview, Practice practice) {
        for (JsonNode client : overview.get("clients")) {
            if (client.get("client").asText().equals(practice.client.id().toString())) {
                return client;
            }
        }
        return MissingNode.getInstance();
    }

    private static LocalDate databaseToday(TestServer server) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select current_date")) {
            row.next();
            return row.getDate(1).toLocalDate();
        }
    }
}
