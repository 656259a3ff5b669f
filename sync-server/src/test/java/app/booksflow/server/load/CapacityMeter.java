package app.booksflow.server.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Judges a stepped run level by level: a level passes when every scenario's p95 is within its budget
 * and the failed share within the error budget. The first level that does not pass ends the search;
 * the highest rate that passed before it is the sustainable one.
 */
public final class CapacityMeter {

    /** What one level did. */
    public record Level(int index, double rate, long requests, double failedPercent, Map<String, Long> p95Millis,
            boolean passed, String verdict) {
    }

    private final Budgets budgets;
    private final double startRate;
    private final double step;
    private final long levelNanos;
    private final long warmUpNanos;
    private final LongSupplier clock;
    private final List<Level> judged = new ArrayList<>();
    private final Map<String, long[]> samples = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private long started = -1;
    private int current;
    private long requests;
    private long failed;
    private volatile boolean exceeded;

    /** @param warmUp how long the run goes at the first rate before the first level, unjudged (JIT, caches) */
    public CapacityMeter(Budgets budgets, double startRate, double step, Duration level, Duration warmUp,
            LongSupplier nanoClock) {
        this.budgets = budgets;
        this.startRate = startRate;
        this.step = step;
        this.levelNanos = level.toNanos();
        this.warmUpNanos = warmUp.toNanos();
        this.clock = nanoClock;
    }

    /** Called once per request, from any thread; {@code millis} is negative when no answer came. */
    public synchronized void record(String scenario, long millis, boolean requestFailed) {
        long now = clock.getAsLong();
        if (started < 0) {
            started = now;
        }
        if (now - started < warmUpNanos) {
            return;
        }
        int level = (int) ((now - started - warmUpNanos) / levelNanos);
        while (current < level) {
            close();
        }
        requests++;
        if (requestFailed) {
            failed++;
        }
        if (millis < 0) {
            return;
        }
        long[] values = samples.computeIfAbsent(scenario, s -> new long[1024]);
        int n = counts.getOrDefault(scenario, 0);
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
            samples.put(scenario, values);
        }
        values[n] = millis;
        counts.put(scenario, n + 1);
    }

    /** True once a level has failed its budgets: the load generator may stop. */
    public boolean exceeded() {
        return exceeded;
    }

    /** Judges the level in progress as it stands (at the end of the run). */
    public synchronized List<Level> finish() {
        if (requests > 0) {
            close();
        }
        return List.copyOf(judged);
    }

    /** The highest rate whose level passed, if any did before the first that failed. */
    public synchronized Optional<Level> sustainable() {
        Level best = null;
        for (Level level : judged) {
            if (!level.passed()) {
                break;
            }
            best = level;
        }
        return Optional.ofNullable(best);
    }

    private void close() {
        double rate = startRate + current * step;
        double failedPercent = requests == 0 ? 0 : 100.0 * failed / requests;
        Map<String, Long> p95 = new HashMap<>();
        List<String> over = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            long[] sorted = Arrays.copyOf(samples.get(entry.getKey()), entry.getValue());
            Arrays.sort(sorted);
            long value = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
            p95.put(entry.getKey(), value);
            if (value > budgets.p95Millis(entry.getKey())) {
                over.add(entry.getKey() + " p95 " + value + " ms > " + budgets.p95Millis(entry.getKey()) + " ms");
            }
        }
        if (failedPercent > budgets.errorPercent()) {
            over.add(String.format("%.2f %% failed > %s %%", failedPercent, budgets.errorPercent()));
        }
        boolean passed = over.isEmpty() && requests > 0;
        judged.add(new Level(current, rate, requests, failedPercent, Map.copyOf(p95), passed,
                requests == 0 ? "no requests" : passed ? "within budgets" : String.join("; ", over)));
        if (!passed) {
            exceeded = true;
        }
        samples.clear();
        counts.clear();
        requests = 0;
        failed = 0;
        current++;
    }
}
