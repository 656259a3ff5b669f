package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.StatusPageBrowser;
import app.booksflow.server.support.TestDatabases;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin status page in a real headless Chromium against a real server with traffic. */
class StatusPageTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "status");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyAdminsMayReadTheFigures() {
        assertThat(server.anonymous().get("/api/v1/admin/status").status()).isEqualTo(401);
        assertThat(practice.accountant.get("/api/v1/admin/status").status()).isEqualTo(403);

        ApiClient.Response status = practice.admin.get("/api/v1/admin/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("seconds")).hasSize(300);
        assertThat(status.json().get("pool").get("max").asInt()).isEqualTo(8);
        assertThat(status.json().get("heap").get("usedBytes").asLong()).isPositive();
        assertThat(status.json().get("warnings")).isEmpty();
    }

    @Test
    void aDatabaseThatMayLoseAnsweredCommitsIsWarnedOfAboveTheFigures() {
        String lazyCommits = TestDatabases.freshDatabaseUrl() + "&options=-c%20synchronous_commit%3Doff";
        try (TestServer lazy = TestServer.startOn(lazyCommits)) {
            Practice there = Practice.create(lazy, "lazy-commits");

            JsonNode warnings = there.admin.get("/api/v1/admin/status").json().get("warnings");

            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).asText()).startsWith("PostgreSQL answers commits before they are on disk");
            assertThat(lazy.server.warnings()).containsExactly(warnings.get(0).asText());
        }
    }

    @Test
    void thePageItselfIsStaticAndUnderTheSecurityPolicy() {
        ApiClient.Response page = server.anonymous().get("/admin/status");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.text()).contains("<script src=\"/admin/status.js\"").doesNotContain("<script>");
        assertThat(server.anonymous().get("/admin/status.js").header("Content-Type")).startsWith("text/javascript");
    }

    @Test
    void anAdminSeesTheLiveFiguresAndChartsUpdateEverySecond() {
        Assumptions.assumeTrue(StatusPageBrowser.missing().isEmpty(),
                () -> "The browser test needs " + StatusPageBrowser.missing().orElse("") + "; .ci/run installs it.");
        try (StatusPageBrowser browser = StatusPageBrowser.open(server.baseUrl())) {
            browser.signIn(practice.accountantUser.email(), Practice.PASSWORD);
            assertThat(browser.awaitText("error", Duration.ofSeconds(10))).contains("Only admins");
            assertThat(browser.visible("sign-in")).isTrue();

            browser.signIn(practice.adminUser.email(), Practice.PASSWORD);
            browser.awaitUpdates(1, Duration.ofSeconds(10));
            for (int i = 0; i < 120; i++) {
                practice.accountant.get("/api/v1/me");
            }
            int seen = browser.updates();
            browser.awaitUpdates(seen + 2, Duration.ofSeconds(10));

            assertThat(browser.visible("status")).isTrue();
            assertThat(browser.visible("sign-in")).as("the form goes once signed in").isFalse();
            assertThat(Double.parseDouble(browser.text("throughput-value"))).isPositive();
            assertThat(browser.text("p95-value")).endsWith(" ms");
            assertThat(Integer.parseInt(browser.text("users-value"))).isGreaterThanOrEqualTo(2);
            assertThat(browser.text("pool-value")).contains("/ 8");
            assertThat(browser.text("alerts")).isEqualTo("No alert firing.");
            assertThat(browser.visible("warnings")).as("no warning on a database that keeps its commits").isFalse();
            assertThat(browser.pixelsOf("chart-throughput", 0x1f, 0x9d, 0x55)).as("the throughput line").isPositive();
            assertThat(browser.pixelsOf("chart-latency", 0x2f, 0x6f, 0xdf)).as("the latency line").isPositive();
        }
    }
}
