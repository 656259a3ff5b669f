package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.server.analytics.Dashboard;
import app.booksflow.server.analytics.DashboardService;
import app.booksflow.server.analytics.OverviewService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A client's dashboard (with ETag revalidation), the practice overview and its refresh. */
public final class AnalyticsRoutes implements RouteGroup {

    /** The answer to a refresh. */
    record Refreshed(Instant refreshedAt) {
    }

    private final DashboardService dashboards;
    private final OverviewService overview;
    private final ObjectMapper json;

    public AnalyticsRoutes(DashboardService dashboards, OverviewService overview, ObjectMapper json) {
        this.dashboards = dashboards;
        this.overview = overview;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/analytics/dashboard", ctx -> {
            Dashboard dashboard = dashboards.dashboard(Requests.caller(ctx), Requests.requiredId(ctx, "client", ClientId::new));
            // The tag is a hash of the very bytes sent, so it changes exactly when anything shown changes
            // (a booking, a receipt, an OCR measurement, the date) and never otherwise.
            byte[] body = json.writeValueAsBytes(dashboard);
            String etag = strongETag(body);
            ctx.header("ETag", etag);
            if (matches(ctx.header("If-None-Match"), etag)) {
                ctx.status(304);
                return;
            }
            ctx.contentType("application/json").result(body);
        });
        routes.get("/api/v1/analytics/overview", ctx -> ctx.json(overview.overview(Requests.caller(ctx))));
        routes.post("/api/v1/analytics/refresh", ctx -> ctx.json(new Refreshed(overview.refresh(Requests.caller(ctx)))));
    }

    static String strongETag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix does not matter, and * matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
