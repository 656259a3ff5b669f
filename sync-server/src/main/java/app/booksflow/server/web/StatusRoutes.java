package app.booksflow.server.web;

import app.booksflow.server.ApiException;
import app.booksflow.server.metrics.AlertMonitor;
import app.booksflow.server.metrics.LiveStats;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The admin status page ({@code /admin/status}: a page, its script and its style, all static) and the
 * live figures it draws every second ({@code GET /api/v1/admin/status}, admins only): requests, errors,
 * p95 and users per second over the last five minutes, the connection pool, the heap, the alerts and
 * the server's warnings (a database that may lose a commit it has answered).
 */
public final class StatusRoutes implements RouteGroup {

    static final Duration SHOWN = Duration.ofMinutes(5);
    /** A file of the page: where it is served, where it is in the jar, and its type. */
    private record PageFile(String path, String resource, String type) {
    }

    private static final List<PageFile> FILES = List.of(
            new PageFile("/admin/status", "/admin/status.html", "text/html; charset=utf-8"),
            new PageFile("/admin/status.js", "/admin/status.js", "text/javascript; charset=utf-8"),
            new PageFile("/admin/status.css", "/admin/status.css", "text/css; charset=utf-8"));

    /** What the page shows; one JSON document per second. */
    public record Status(long at, List<LiveStats.Summary> seconds, LiveStats.Summary lastMinute, int activeUsers,
            Optional<Pool> pool, Heap heap, List<String> firing, List<String> warnings) {
    }

    public record Pool(int active, int idle, int max, int waiting) {
    }

    public record Heap(long usedBytes, long maxBytes) {
    }

    private final LiveStats live;
    private final DataSource dataSource;
    private final Optional<AlertMonitor> alerts;
    private final List<String> warnings;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** @param warnings what the admin must know about how the server runs, shown above the figures */
    public StatusRoutes(LiveStats live, DataSource dataSource, Optional<AlertMonitor> alerts, List<String> warnings) {
        this.live = live;
        this.dataSource = dataSource;
        this.alerts = alerts;
        this.warnings = List.copyOf(warnings);
        FILES.forEach(file -> files.put(file.path(), resource(file.resource())));
    }

    @Override
    public void register(RoutesConfig routes) {
        FILES.forEach(file -> routes.get(file.path(), ctx -> ctx.contentType(file.type())
                .header("Cache-Control", "no-cache").result(files.get(file.path()))));
        routes.get("/api/v1/admin/status", ctx -> {
            requireAdmin(ctx);
            ctx.json(status());
        });
    }

    Status status() {
        List<LiveStats.Summary> seconds = live.seconds(SHOWN);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Status(seconds.getLast().epochSecond(), seconds, live.window(Duration.ofMinutes(1)),
                live.window(Duration.ofMinutes(5)).users(), pool(), new Heap(heap.getUsed(), heap.getMax()),
                alerts.map(AlertMonitor::firing).orElse(List.of()), warnings);
    }

    private Optional<Pool> pool() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            var bean = hikari.getHikariPoolMXBean();
            return Optional.of(new Pool(bean.getActiveConnections(), bean.getIdleConnections(),
                    hikari.getMaximumPoolSize(), bean.getThreadsAwaitingConnection()));
        }
        return Optional.empty();
    }

    private static void requireAdmin(Context ctx) {
        if (!Requests.caller(ctx).isAdmin()) {
            throw ApiException.forbidden("Only admins may see the server's status.");
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatusRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The server's jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
