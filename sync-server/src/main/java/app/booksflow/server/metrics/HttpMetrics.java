package app.booksflow.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request timing per route with p50/p95/p99, error counts, and a log line for every slow request.
 * Exported in the Prometheus text format at {@code /metrics}.
 */
public final class HttpMetrics {

    private static final Logger SLOW = LoggerFactory.getLogger("booksflow.slow-request");
    private static final Duration ACTIVE_USERS = Duration.ofMinutes(5);
    /**
     * Routes that hold a request open until there is news or the wait runs out (a device's watch, up to
     * its 25-second wait): their time is how long nothing happened, so it stays out of the live p95, the
     * latency alert and the slow-request log. Prometheus still has it, under its own route.
     */
    static final Set<String> HELD_ROUTES = Set.of("POST /api/v1/sync/watch");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Duration slowRequest;
    private final RequestWindows windows = new RequestWindows();
    private final LiveStats live;

    public HttpMetrics(Duration slowRequest, Clock clock) {
        this.slowRequest = slowRequest;
        this.live = new LiveStats(clock);
        Gauge.builder("booksflow.users.active", live, stats -> stats.window(ACTIVE_USERS).users())
                .description("Distinct signed-in users who sent a request in the last five minutes")
                .register(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * @param route the matched route pattern, such as {@code /api/v1/sync/pull}, never the raw path
     * @param user  who sent it, or null when nobody was signed in
     */
    public void record(String method, String route, int status, long nanos, Object user) {
        Timer.builder("booksflow.http.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        windows.record(method + " " + route, status, nanos);
        boolean held = HELD_ROUTES.contains(method + " " + route);
        if (held) {
            live.recordHeld(status >= 500, user);
        } else {
            live.record(status >= 500, nanos, user);
        }
        if (status >= 500) {
            Counter.builder("booksflow.http.errors").tag("route", route).register(registry).increment();
        }
        if (!held && nanos > slowRequest.toNanos()) {
            SLOW.warn("{} {} answered {} after {} ms", method, route, status, nanos / 1_000_000);
        }
    }

    /** The last ten minutes, second by second, for the status page and the alerts. */
    public LiveStats live() {
        return live;
    }

    RequestWindows windows() {
        return windows;
    }

    public String scrape() {
        return registry.scrape();
    }
}
