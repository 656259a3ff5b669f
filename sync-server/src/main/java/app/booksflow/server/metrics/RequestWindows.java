package app.booksflow.server.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests of each route since the last roll-up. Micrometer's percentiles decay over a sliding
 * window of a few minutes; the roll-up wants exactly "since the last one", so it keeps its own count,
 * errors and a bounded sample of durations per route.
 */
final class RequestWindows {

    /** What one route did in one window. */
    record Summary(String route, long count, long errors, long p95Nanos) {
    }

    /** Beyond this many requests per route and minute, a uniform random sample stands for them all. */
    static final int MAX_SAMPLES = 20_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    void record(String route, int status, long nanos) {
        // A window closed by a concurrent drain refuses the request; it then goes into the next one.
        while (!windows.computeIfAbsent(route, r -> new Window()).add(status >= 500, nanos)) {
            Thread.onSpinWait();
        }
    }

    /** Closes every route's window and starts new ones. */
    List<Summary> drain() {
        List<Summary> summaries = new ArrayList<>();
        for (String route : List.copyOf(windows.keySet())) {
            Window window = windows.remove(route);
            if (window != null) {
                summaries.add(window.close(route));
            }
        }
        return summaries;
    }

    private static final class Window {
        private long[] samples = new long[64];
        private int sampled;
        private long count;
        private long errors;
        private boolean closed;

        synchronized boolean add(boolean error, long nanos) {
            if (closed) {
                return false;
            }
            count++;
            if (error) {
                errors++;
            }
            if (sampled < MAX_SAMPLES) {
                if (sampled == samples.length) {
                    samples = Arrays.copyOf(samples, Math.min(samples.length * 2, MAX_SAMPLES));
                }
                samples[sampled++] = nanos;
            } else {
                // Reservoir sampling: every request so far has the same chance to be in the sample.
                long slot = ThreadLocalRandom.current().nextLong(count);
                if (slot < MAX_SAMPLES) {
                    samples[(int) slot] = nanos;
                }
            }
            return true;
        }

        synchronized Summary close(String route) {
            closed = true;
            long[] sorted = Arrays.copyOf(samples, sampled);
            Arrays.sort(sorted);
            // Nearest rank: the smallest duration that at least 95 % of the requests did not exceed.
            long p95 = sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
            return new Summary(route, count, errors, p95);
        }
    }
}
