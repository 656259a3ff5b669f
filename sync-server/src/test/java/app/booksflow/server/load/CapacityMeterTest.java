package app.booksflow.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CapacityMeterTest {

    private static final Budgets BUDGETS = new Budgets(Map.of("dashboard", 50.0, "transaction", 50.0,
            "receipt-upload", 200.0, "audit-trail", 50.0), 0.1);

    private final AtomicLong now = new AtomicLong();
    private final CapacityMeter meter = new CapacityMeter(BUDGETS, 100, 100, Duration.ofSeconds(30), Duration.ZERO,
            now::get);

    @Test
    void theHighestLevelBeforeTheFirstFailingOneIsSustainable() {
        level(0, 10);           // 100/s: fast
        level(1, 40);           // 200/s: within 50 ms
        level(2, 80);           // 300/s: too slow
        assertThat(meter.exceeded()).as("a level is judged when it ends").isFalse();

        var levels = meter.finish();
        assertThat(meter.exceeded()).isTrue();
        assertThat(levels).extracting(CapacityMeter.Level::passed).containsExactly(true, true, false);
        assertThat(levels.get(2).verdict()).contains("dashboard p95 80 ms > 50.0 ms");
        assertThat(meter.sustainable()).map(CapacityMeter.Level::rate).contains(200.0);
    }

    @Test
    void failedRequestsBeyondTheErrorBudgetFailALevelEvenWhenFast() {
        now.set(0);
        for (int i = 0; i < 999; i++) {
            meter.record("transaction", 5, false);
        }
        meter.record("transaction", -1, true);   // no answer at all
        meter.record("transaction", 5, true);

        var levels = meter.finish();
        assertThat(levels.get(0).failedPercent()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.001));
        assertThat(levels.get(0).passed()).isFalse();
        assertThat(meter.sustainable()).isEmpty();
    }

    @Test
    void oneP95PerScenarioIsJudgedAgainstThatScenariosBudget() {
        now.set(0);
        for (int i = 0; i < 100; i++) {
            meter.record("receipt-upload", 150, false); // slow for a dashboard, fine for an upload
            meter.record("dashboard", 20, false);
        }
        assertThat(meter.finish()).singleElement().satisfies(level -> {
            assertThat(level.passed()).isTrue();
            assertThat(level.p95Millis()).containsEntry("receipt-upload", 150L).containsEntry("dashboard", 20L);
        });
    }

    @Test
    void theWarmUpIsNotJudged() {
        CapacityMeter warming = new CapacityMeter(BUDGETS, 100, 100, Duration.ofSeconds(30), Duration.ofSeconds(60),
                now::get);
        now.set(0);
        warming.record("dashboard", 900, true);           // cold: slow and failing
        now.set(Duration.ofSeconds(61).toNanos());
        warming.record("dashboard", 10, false);

        assertThat(warming.finish()).singleElement().satisfies(level -> {
            assertThat(level.requests()).isEqualTo(1);
            assertThat(level.passed()).isTrue();
            assertThat(level.rate()).isEqualTo(100.0);
        });
    }

    private void level(int index, long millis) {
        now.set(Duration.ofSeconds(30L * index + 1).toNanos());
        for (int i = 0; i < 100; i++) {
            meter.record("dashboard", millis, false);
        }
    }
}
