package app.booksflow.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last ten minutes of requests, second by second: how many, how many failed (500 and above), how
 * long they took (a fixed histogram, so a second costs the same at 10 or 10,000 requests) and who sent
 * them. The admin status page draws from it and the alerts judge it; Prometheus has its own meters.
 */
public final class LiveStats {

    /** Upper bounds of the latency buckets in milliseconds; the last bucket holds everything slower. */
    static final double[] BOUNDS = {1, 2, 3, 5, 7.5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750,
        1000, 1500, 2000, 3000, 5000, 10_000};
    static final int SECONDS = 600;

    /** One second (or a window of them) as the page and the alerts see it. */
    public record Summary(long epochSecond, long requests, long errors, double p95Millis, int users) {

        public double errorPercent() {
            return requests == 0 ? 0 : 100.0 * errors / requests;
        }
    }

    private final Clock clock;
    private final Second[] ring = new Second[SECONDS];

    public LiveStats(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < SECONDS; i++) {
            ring[i] = new Second();
        }
    }

    /** @param user who sent the request, or null when nobody was signed in */
    public void record(boolean error, long nanos, Object user) {
        long now = clock.instant().getEpochSecond();
        ring[(int) Math.floorMod(now, SECONDS)].add(now, error, nanos / 1_000_000.0, user);
    }

    /**
     * A request held open on purpose until there is news (a long poll): it counts as a request, an error
     * when it failed, and its user as active, but its time says nothing about speed and stays out of p95.
     */
    public void recordHeld(boolean error, Object user) {
        long now = clock.instant().getEpochSecond();
        ring[(int) Math.floorMod(now, SECONDS)].add(now, error, Double.NaN, user);
    }

    /** Every second of the last {@code span}, oldest first, the current one last. */
    public List<Summary> seconds(Duration span) {
        long now = clock.instant().getEpochSecond();
        int count = (int) Math.min(SECONDS, Math.max(1, span.toSeconds()));
        List<Summary> seconds = new ArrayList<>(count);
        for (long at = now - count + 1; at <= now; at++) {
            seconds.add(ring[(int) Math.floorMod(at, SECONDS)].summary(at));
        }
        return seconds;
    }

    /** The last {@code span} as one: total requests and errors, p95 over all of them, distinct users. */
    public Summary window(Duration span) {
        long now = clock.instant().getEpochSecond();
        int count = (int) Math.min(SECONDS, Math.max(1, span.toSeconds()));
        long[] histogram = new long[BOUNDS.length + 1];
        Set<Object> users = new HashSet<>();
        long requests = 0;
        long timed = 0;
        long errors = 0;
        for (long at = now - count + 1; at <= now; at++) {
            Second second = ring[(int) Math.floorMod(at, SECONDS)];
            synchronized (second) {
                if (second.epochSecond != at) {
                    continue;
                }
                requests += second.requests;
                timed += second.timed;
                errors += second.errors;
                for (int i = 0; i < histogram.length; i++) {
                    histogram[i] += second.histogram[i];
                }
                users.addAll(second.users);
            }
        }
        return new Summary(now, requests, errors, p95(histogram, timed), users.size());
    }

    /** The 95th percentile, interpolated inside its bucket; the open last bucket reports its lower bound. */
    static double p95(long[] histogram, long total) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(0.95 * total);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (seen + histogram[i] >= rank) {
                if (i == BOUNDS.length) {
                    return BOUNDS[BOUNDS.length - 1];
                }
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                return lower + (BOUNDS[i] - lower) * (rank - seen) / histogram[i];
            }
            seen += histogram[i];
        }
        return BOUNDS[BOUNDS.length - 1];
    }

    static int bucket(double millis) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (millis <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    private static final class Second {
        private long epochSecond = Long.MIN_VALUE;
        private long requests;
        /** The requests whose time is in the histogram: all but the held ones. */
        private long timed;
        private long errors;
        private final long[] histogram = new long[BOUNDS.length + 1];
        private final Set<Object> users = new HashSet<>();

        synchronized void add(long at, boolean error, double millis, Object user) {
            if (epochSecond != at) {
                epochSecond = at;
                requests = 0;
                timed = 0;
                errors = 0;
                java.util.Arrays.fill(histogram, 0);
                users.clear();
            }
            requests++;
            if (error) {
                errors++;
            }
            if (!Double.isNaN(millis)) {
                timed++;
                histogram[bucket(millis)]++;
            }
            if (user != null) {
                users.add(user);
            }
        }

        synchronized Summary summary(long at) {
            if (epochSecond != at) {
                return new Summary(at, 0, 0, 0, 0);
            }
            return new Summary(at, requests, errors, p95(histogram, timed), users.size());
        }
    }
}
