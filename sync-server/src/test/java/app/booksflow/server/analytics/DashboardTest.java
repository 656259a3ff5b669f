package app.booksflow.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Books;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's clock stands at 2025-06-02 (UTC); the client's fiscal year starts on 1 January. */
class DashboardTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void showsThisMonthLastMonthAndTheYearToDateInExactCents() {
        Practice practice = Practice.create(server, "dash-numbers");
        Books.post(practice.accountant,
                practice.sale(LocalDate.of(2025, 6, 1), "Corner Cafe", 45_000),
                practice.purchase(LocalDate.of(2025, 6, 2), "Landlord Ltd", 12_000),
                practice.purchase(LocalDate.of(2025, 6, 2), "Bean There", 1_001),
                practice.purchase(LocalDate.of(2025, 6, 20), "Future Supplies", 2_400),
                practice.sale(LocalDate.of(2025, 5, 15), "Market Stall", 100_000),
                practice.purchase(LocalDate.of(2025, 5, 20), "Stationers", 6_000),
                practice.sale(LocalDate.of(2025, 1, 10), "January Client", 20_000),
                practice.sale(LocalDate.of(2024, 12, 31), "December Client", 99_999),
                practice.sale(LocalDate.of(2024, 6, 30), "Too Old Ltd", 500));

        JsonNode dashboard = dashboard(practice.accountant, practice).json();

        assertThat(dashboard.get("asOf").asText()).isEqualTo("2025-06-02");
        assertThat(dashboard.get("currency").asText()).isEqualTo("EUR");
        // Expenses are net of the 20 % VAT in the gross amounts: 120.00 -> 100.00, 10.01 -> 8.34, 24.00 -> 20.00.
        assertTotals(dashboard.get("thisMonth"), "450.00", "128.34", "321.66", 4);
        assertTotals(dashboard.get("lastMonth"), "1000.00", "50.00", "950.00", 2);
        assertTotals(dashboard.get("yearToDate"), "1650.00", "158.34", "1491.66", 6);
        assertThat(dashboard.get("yearToDate").get("from").asText()).isEqualTo("2025-01-01");
        assertThat(dashboard.get("thisMonth").get("income").toString()).isEqualTo("{\"amount\":\"450.00\",\"currency\":\"EUR\"}");
    }

    @Test
    void theSeriesHasTwelveMonthsOldestFirst() {
        Practice practice = Practice.create(server, "dash-series");
        Books.post(practice.accountant,
                practice.sale(LocalDate.of(2024, 12, 31), "December Client", 99_999),
                practice.sale(LocalDate.of(2024, 6, 30), "Too Old Ltd", 500),
                practice.purchase(LocalDate.of(2025, 6, 2), "Landlord Ltd", 12_000));

        JsonNode months = dashboard(practice.accountant, practice).json().get("months");

        List<String> names = new ArrayList<>();
        months.forEach(month -> names.add(month.get("month").asText()));
        assertThat(names).hasSize(12).startsWith("2024-07").endsWith("2025-06").contains("2024-12");
        assertThat(months.get(5).get("income").get("amount").asText()).isEqualTo("999.99");
        assertThat(months.get(11).get("expenses").get("amount").asText()).isEqualTo("100.00");
        assertThat(months.get(11).get("profit").get("amount").asText()).isEqualTo("-100.00");
        assertThat(months.get(0).get("transactionCount").asLong()).isZero();
    }

    @Test
    void countsPendingReceiptsAndAveragesOcrMeasurements() throws SQLException {
        Practice practice = Practice.create(server, "dash-receipts");
        Books.receipt(practice.owner, practice.client.id(), ReceiptStatus.PENDING);
        Books.receipt(practice.owner, practice.client.id(), ReceiptStatus.PENDING);
        Books.receipt(practice.accountant, practice.client.id(), ReceiptStatus.NEEDS_REVIEW);
        Books.receipt(practice.accountant, practice.client.id(), ReceiptStatus.COMPLETED);
        sql("insert into performance_metrics (name, client_id, value, unit, at) values "
                + "('ocr.accuracy', '" + practice.client.id() + "', 90, 'PERCENT', now()), "
                + "('ocr.accuracy', '" + practice.client.id() + "', 95.25, 'PERCENT', now()), "
                + "('ocr.processing_time', '" + practice.client.id() + "', 800, 'MILLISECONDS', now()), "
                + "('ocr.processing_time', '" + practice.client.id() + "', 1001, 'MILLISECONDS', now()), "
                + "('ocr.accuracy', null, 10, 'PERCENT', now())");

        JsonNode dashboard = dashboard(practice.owner, practice).json();

        assertThat(dashboard.get("pendingReceipts").asLong()).isEqualTo(3);
        assertThat(dashboard.get("ocr").get("accuracyPercent").decimalValue()).isEqualByComparingTo("92.6");
        assertThat(dashboard.get("ocr").get("averageProcessingMillis").decimalValue()).isEqualByComparingTo("900");
    }

    @Test
    void ocrNumbersAreNullBeforeAnythingWasMeasured() {
        Practice practice = Practice.create(server, "dash-no-ocr");

        JsonNode ocr = dashboard(practice.admin, practice).json().get("ocr");

        assertThat(ocr.get("accuracyPercent").isNull()).isTrue();
        assertThat(ocr.get("averageProcessingMillis").isNull()).isTrue();
    }

    @Test
    void aRepeatedRequestWithTheETagIsAnsweredNotModifiedWithoutABody() {
        Practice practice = Practice.create(server, "dash-etag");
        Books.post(practice.accountant, practice.sale(LocalDate.of(2025, 6, 1), "Corner Cafe", 45_000));
        Response first = dashboard(practice.accountant, practice);

        Response second = practice.accountant.get("/api/v1/analytics/dashboard?client=" + practice.client.id(),
                Map.of("If-None-Match", first.header("ETag")));

        assertThat(first.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.text()).isEmpty();
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void theETagChangesWithANewTransaction() {
        Practice practice = Practice.create(server, "dash-etag-change");
        String before = dashboard(practice.accountant, practice).header("ETag");
        Books.post(practice.accountant, practice.purchase(LocalDate.of(2025, 6, 2), "Bean There", 450));

        Response after = practice.accountant.get("/api/v1/analytics/dashboard?client=" + practice.client.id(),
                Map.of("If-None-Match", before));

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before);
        assertThat(after.json().get("thisMonth").get("transactionCount").asLong()).isEqualTo(1);
    }

    @Test
    void aLargeDashboardIsSentGzippedToClientsThatAcceptIt() {
        Practice practice = Practice.create(server, "dash-gzip");

        Response plain = dashboard(practice.accountant, practice);
        Response gzipped = practice.accountant.get("/api/v1/analytics/dashboard?client=" + practice.client.id(),
                Map.of("Accept-Encoding", "gzip"));

        assertThat(plain.text().length()).as("large enough for compression").isGreaterThan(1500);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void everyoneWhoMaySeeTheClientGetsItsDashboard() {
        Practice practice = Practice.create(server, "dash-roles");

        assertThat(dashboard(practice.admin, practice).status()).isEqualTo(200);
        assertThat(dashboard(practice.accountant, practice).status()).isEqualTo(200);
        assertThat(dashboard(practice.owner, practice).status()).isEqualTo(200);
    }

    @Test
    void anUnassignedClientIsForbiddenAndAnotherPracticesClientIsNotFound() {
        Practice practice = Practice.create(server, "dash-access");
        Practice other = Practice.create(server, "dash-access-other");
        Client unassigned = Books.newClient(practice, "Unassigned Ltd");

        Response forbidden = practice.accountant.get("/api/v1/analytics/dashboard?client=" + unassigned.id());
        Response notFound = other.admin.get("/api/v1/analytics/dashboard?client=" + practice.client.id());
        Response missing = practice.admin.get("/api/v1/analytics/dashboard");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("MISSING_PARAMETER");
    }

    private static Response dashboard(ApiClient user, Practice practice) {
        return user.get("/api/v1/analytics/dashboard?client=" + practice.client.id());
    }

    private static void assertTotals(JsonNode totals, String income, String expenses, String profit, long count) {
        assertThat(totals.get("income").get("amount").asText()).isEqualTo(income);
        assertThat(totals.get("expenses").get("amount").asText()).isEqualTo(expenses);
        assertThat(totals.get("profit").get("amount").asText()).isEqualTo(profit);
        assertThat(totals.get("transactionCount").asLong()).isEqualTo(count);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
