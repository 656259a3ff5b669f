package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A device's watch waits up to 25 s by design: that wait must not read as a slow server. */
class HttpMetricsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
    private final HttpMetrics metrics = new HttpMetrics(Duration.ofMillis(500), clock);

    @Test
    void longPollsStayOutOfTheLiveP95ButKeepTheirOwnRouteInPrometheus() {
        for (int i = 0; i < 50; i++) {
            metrics.record("GET", "/api/v1/analytics/dashboard", 200, TimeUnit.MILLISECONDS.toNanos(8), "ada");
            metrics.record("POST", "/api/v1/sync/watch", 200, TimeUnit.SECONDS.toNanos(25), "desk-" + i);
        }

        LiveStats.Summary minute = metrics.live().window(Duration.ofMinutes(1));

        assertThat(minute.requests()).isEqualTo(100);
        assertThat(minute.users()).isEqualTo(51);
        assertThat(minute.p95Millis()).isLessThan(10);
        assertThat(metrics.scrape()).contains("route=\"/api/v1/sync/watch\"");
    }

    @Test
    void anyOtherSlowRouteRaisesTheLiveP95() {
        for (int i = 0; i < 50; i++) {
            metrics.record("GET", "/api/v1/analytics/dashboard", 200, TimeUnit.MILLISECONDS.toNanos(8), "ada");
            metrics.record("POST", "/api/v1/sync/pull", 200, TimeUnit.SECONDS.toNanos(25), "ada");
        }

        assertThat(metrics.live().window(Duration.ofMinutes(1)).p95Millis()).isGreaterThan(1_000);
    }
}
