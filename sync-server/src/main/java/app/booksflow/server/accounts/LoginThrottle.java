package app.booksflow.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per email address and per network address in a sliding window, and refuses
 * further attempts once either passes its limit. Kept in memory: each server instance counts its own.
 */
public final class LoginThrottle {

    private final Clock clock;
    private final Duration window;
    private final int perUser;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perUser, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** How long the caller must wait, or zero when a new attempt may be made. */
    public Duration retryAfter(String email, String address) {
        Instant now = clock.instant();
        Duration user = wait("user:" + email, perUser, now);
        Duration ip = wait("ip:" + address, perAddress, now);
        return user.compareTo(ip) >= 0 ? user : ip;
    }

    /** Records a failure; returns the number of recent failures for the email address. */
    public int recordFailure(String email, String address) {
        Instant now = clock.instant();
        record("ip:" + address, now);
        return record("user:" + email, now);
    }

    public void recordSuccess(String email) {
        failures.remove("user:" + email);
    }

    private int record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size();
        }
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
