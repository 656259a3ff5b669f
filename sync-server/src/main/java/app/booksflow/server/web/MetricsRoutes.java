package app.booksflow.server.web;

import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.metrics.HttpMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code /metrics} in the Prometheus text format, for an admin's session or for the monitoring
 * system's scrape token ({@code metrics.token}), which opens nothing else.
 */
public final class MetricsRoutes implements RouteGroup {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpMetrics metrics;
    private final AccountService accounts;
    private final Optional<String> scrapeToken;

    public MetricsRoutes(HttpMetrics metrics, AccountService accounts, Optional<String> scrapeToken) {
        this.metrics = metrics;
        this.accounts = accounts;
        this.scrapeToken = scrapeToken;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            authorize(ctx);
            ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
        });
    }

    private void authorize(Context ctx) {
        String token = Requests.bearerToken(ctx);
        if (token == null || token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.unauthorized("Send an admin's token or the scrape token as 'Authorization: Bearer ...'.");
        }
        // Constant-time, so the response time says nothing about how much of a guess was right.
        if (scrapeToken.isPresent() && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                scrapeToken.get().getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        if (!accounts.authenticate(token).isAdmin()) {
            throw ApiException.forbidden("Only admins and the monitoring system may read the metrics.");
        }
    }
}
