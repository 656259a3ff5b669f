package app.booksflow.server.web;

import app.booksflow.model.DomainException;
import app.booksflow.protocol.ApiError;
import app.booksflow.server.ApiException;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import app.booksflow.server.metrics.HttpMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the server: Javalin on Jetty with virtual threads. Every answer carries the
 * security headers; every error has the one {@link ApiError} shape and no stack trace; everything
 * under {@code /api/} needs a bearer token except signing in.
 */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long BUSY_RETRY_AFTER_SECONDS = 5;
    private static final Set<String> PUBLIC = Set.of("/health", "/ready", "/metrics", "/api/v1/auth/login");
    private static final String STARTED = "booksflow.started";
    /** Well within the 60 s the service unit gives the process to stop (TimeoutStopSec). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Javalin app;

    public WebServer(ServerConfig config, ObjectMapper json, AccountService accounts, HttpMetrics metrics,
            List<RouteGroup> groups) {
        boolean tls = config.keystore().isPresent();
        this.app = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.jsonMapper(new JavalinJackson(json, true));
            javalin.http.maxRequestSize = config.maxRequestBytes();
            javalin.http.compressionStrategy = CompressionStrategy.GZIP;
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setIdleTimeout(config.requestIdleTimeout().toMillis());
            });
            javalin.jetty.modifyServer(server -> {
                // A stop lets the requests in flight finish, up to this long, and takes no new ones.
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.insertHandler(new GracefulHandler());
            });
            javalin.jetty.host = config.host();
            ReceiptRoutes.limitMultipart(javalin.jetty.multipartConfig, config);
            if (tls) {
                javalin.jetty.addConnector((server, http) -> tlsConnector(server, http, config));
            }
            javalin.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                securityHeaders(ctx, tls);
            });
            javalin.routes.beforeMatched(ctx -> {
                if (ctx.path().startsWith("/api/") && !PUBLIC.contains(ctx.path())) {
                    ctx.attribute(Requests.CALLER, accounts.authenticate(Requests.bearerToken(ctx)));
                }
            });
            javalin.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    var matched = ctx.endpoints().matchedHttpEndpoint();
                    String route = matched == null ? "unmatched" : matched.path;
                    Caller caller = ctx.attribute(Requests.CALLER);
                    metrics.record(ctx.method().name(), route, ctx.status().getCode(), System.nanoTime() - started,
                            caller == null ? null : caller.user());
                }
            });
            javalin.routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
            javalin.routes.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, JsonBodies.badJson(e)));
            javalin.routes.exception(DomainException.class, (e, ctx) -> error(ctx, 400, e.code(), e.getMessage()));
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    codeFor(e.getStatus()), e.getStatus() == 404 ? "There is nothing at " + ctx.path() + "." : e.getMessage()));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                if (Db.poolExhausted(e)) {
                    // Overload, not a fault: every connection stayed busy for the pool's whole wait.
                    LOG.warn("No database connection for {} {} in time: the server is overloaded", ctx.method(),
                            ctx.path());
                    answer(ctx, ApiException.busy("The server is busy; nothing was changed. Try again in a few seconds."));
                } else {
                    internalError(ctx, e);
                }
            });
            javalin.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "NOT_FOUND", "There is nothing at " + ctx.path() + ".");
                }
            });
            javalin.routes.error(405, "*", ctx -> error(ctx, 405, "METHOD_NOT_ALLOWED",
                    ctx.method() + " is not allowed on " + ctx.path() + "."));
            groups.forEach(group -> group.register(javalin.routes));
        });
    }

    public WebServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Whether a stop waits for the requests in flight: Jetty's graceful handler is in the chain. */
    public boolean stopsGracefully() {
        return app.jettyServer().server().getDescendant(GracefulHandler.class) != null;
    }

    /** Stops taking requests and waits for those in flight, up to {@link #STOP_TIMEOUT}; then cuts the rest. */
    public void stop() {
        try {
            app.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            LOG.warn("Requests still running {} s after the stop began were cut", STOP_TIMEOUT.toSeconds());
        }
    }

    private static void securityHeaders(Context ctx, boolean tls) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            default -> "HTTP_" + status;
        };
    }

    private static void internalError(Context ctx, Exception e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure on {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
        error(ctx, 500, "INTERNAL_ERROR", "Something went wrong on the server; the incident " + incident
                + " is logged for the admin.");
    }

    /** An answer the server chose; a 503 (overload) tells the client when to try again. */
    private static void answer(Context ctx, ApiException e) {
        if (e.status() == 503) {
            ctx.header("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
        }
        error(ctx, e.status(), e.code(), e.getMessage());
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ApiError(code, message == null || message.isBlank() ? code : message, null));
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
            ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().orElseThrow().toString());
        ssl.setKeyStorePassword(config.keystorePassword());
        HttpConfiguration https = new HttpConfiguration(http);
        // No check of the Host against the certificate's names: one certificate serves every request, and
        // a health check by address (which skips the client's name check on purpose) would get 400.
        // Clients that check names still refuse a certificate without the name they asked for.
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }
}
