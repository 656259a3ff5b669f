package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";
    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("metrics.token", SCRAPE_TOKEN));
        practice = Practice.create(server, "metrics");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminReadsRequestTimingsWithQuantilesInThePrometheusFormat() {
        practice.admin.get("/api/v1/analytics/dashboard?client=" + practice.client.id());

        Response metrics = practice.admin.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.text()).contains("# TYPE booksflow_http_requests_seconds summary");
        assertThat(metrics.text().lines().filter(line -> line.startsWith("booksflow_http_requests_seconds{")
                && line.contains("route=\"/api/v1/analytics/dashboard\"")))
                .anySatisfy(line -> assertThat(line).contains("quantile=\"0.5\""))
                .anySatisfy(line -> assertThat(line).contains("quantile=\"0.95\""))
                .anySatisfy(line -> assertThat(line).contains("quantile=\"0.99\""));
    }

    @Test
    void theConnectionPoolAndTheActiveSessionsAreGauges() {
        String metrics = practice.admin.get("/metrics").text();

        assertThat(metrics).contains("hikaricp_connections_active{pool=\"booksflow\"}")
                .contains("hikaricp_connections_max{pool=\"booksflow\"}")
                .contains("booksflow_sessions_active ");
    }

    @Test
    void theScrapeTokenOpensTheMetrics() {
        Response metrics = server.anonymous().get("/metrics", Map.of("Authorization", "Bearer " + SCRAPE_TOKEN));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("booksflow_http_requests_seconds");
    }

    @Test
    void theScrapeTokenOpensNothingElse() {
        Response api = server.anonymous().get("/api/v1/me", Map.of("Authorization", "Bearer " + SCRAPE_TOKEN));

        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void withoutATokenOrWithAWrongOneTheMetricsAreUnauthorized() {
        assertThat(server.anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/metrics", Map.of("Authorization", "Bearer " + SCRAPE_TOKEN + "x")).status())
                .isEqualTo(401);
        assertThat(server.anonymous().get("/metrics", Map.of("Authorization", "Bearer bf_forged")).status())
                .isEqualTo(401);
    }

    @Test
    void accountantsAndClientUsersMayNotReadTheMetrics() {
        assertThat(practice.accountant.get("/metrics").status()).isEqualTo(403);
        assertThat(practice.owner.get("/metrics").status()).isEqualTo(403);
    }

    @Test
    void theActiveSessionCountIsReadAtMostEveryThirtySeconds() {
        double before = activeSessions();
        server.signIn(practice.clientUser.email(), Practice.PASSWORD);

        double cached = activeSessions();
        server.clock.advance(Duration.ofSeconds(30));
        double recounted = activeSessions();

        assertThat(cached).isEqualTo(before);
        assertThat(recounted).isEqualTo(before + 1);
    }

    private static double activeSessions() {
        return practice.admin.get("/metrics").text().lines()
                .filter(line -> line.startsWith("booksflow_sessions_active "))
                .map(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
