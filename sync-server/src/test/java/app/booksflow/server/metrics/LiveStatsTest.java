package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.booksflow.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveStatsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
    private final LiveStats stats = new LiveStats(clock);

    @Test
    void eachSecondCountsItsRequestsErrorsAndDistinctUsers() {
        record(10, 4, "ada");
        stats.record(true, ms(30), "bob");
        clock.advance(Duration.ofSeconds(1));
        record(5, 2, "ada");

        var seconds = stats.seconds(Duration.ofSeconds(3));

        assertThat(seconds).extracting(LiveStats.Summary::requests).containsExactly(0L, 11L, 5L);
        assertThat(seconds.get(1).errors()).isEqualTo(1);
        assertThat(seconds.get(1).users()).isEqualTo(2);
        assertThat(stats.window(Duration.ofMinutes(1)).users()).isEqualTo(2);
        assertThat(stats.window(Duration.ofMinutes(1)).requests()).isEqualTo(16);
    }

    @Test
    void theP95FallsInTheBucketOfThe95thSlowestRequest() {
        record(95, 4, null);
        record(5, 180, null);

        LiveStats.Summary window = stats.window(Duration.ofSeconds(10));

        assertThat(window.p95Millis()).isGreaterThan(3).isLessThanOrEqualTo(5);
        record(10, 180, null);
        assertThat(stats.window(Duration.ofSeconds(10)).p95Millis()).isBetween(150.0, 200.0);
    }

    @Test
    void heldRequestsCountAsRequestsAndUsersButNotInTheP95() {
        record(20, 4, "ada");
        for (int i = 0; i < 40; i++) {
            stats.recordHeld(false, "desk-" + i);
        }
        stats.recordHeld(true, "bob");

        LiveStats.Summary window = stats.window(Duration.ofSeconds(10));
        LiveStats.Summary second = stats.seconds(Duration.ofSeconds(1)).getFirst();

        assertThat(window.requests()).isEqualTo(61);
        assertThat(window.errors()).isEqualTo(1);
        assertThat(window.users()).isEqualTo(42);
        assertThat(window.p95Millis()).isLessThanOrEqualTo(5);
        assertThat(second.p95Millis()).isLessThanOrEqualTo(5);
        assertThat(new LiveStats(clock).window(Duration.ofSeconds(10)).p95Millis()).isZero();
    }

    @Test
    void aSecondOlderThanTheRingIsForgottenNotMixedIn() {
        record(100, 900, "ada");
        clock.advance(Duration.ofSeconds(LiveStats.SECONDS));
        record(1, 2, "bob");

        LiveStats.Summary window = stats.window(Duration.ofMinutes(10));
        assertThat(window.requests()).isEqualTo(1);
        assertThat(window.users()).isEqualTo(1);
        assertThat(window.errorPercent()).isZero();
    }

    @Test
    void anEmptyWindowHasNoLatencyAndNoErrors() {
        LiveStats.Summary window = stats.window(Duration.ofMinutes(1));

        assertThat(window.requests()).isZero();
        assertThat(window.p95Millis()).isZero();
        assertThat(window.errorPercent()).isZero();
    }

    @Test
    void requestsSlowerThanTheLastBoundCountAtThatBound() {
        record(20, 60_000, null);

        assertThat(stats.window(Duration.ofSeconds(1)).p95Millis()).isCloseTo(10_000, within(0.001));
    }

    private void record(int count, long millis, String user) {
        for (int i = 0; i < count; i++) {
            stats.record(false, ms(millis), user);
        }
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
