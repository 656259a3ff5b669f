package app.booksflow.server;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.LoginThrottle;
import app.booksflow.server.accounts.PasswordHasher;
import app.booksflow.server.analytics.DashboardService;
import app.booksflow.server.analytics.OverviewService;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.audit.AuditTrailQuery;
import app.booksflow.server.blobs.BlobService;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.Db;
import app.booksflow.server.ledger.TransactionPosting;
import app.booksflow.server.ledger.TransactionReader;
import app.booksflow.server.metrics.ActiveSessions;
import app.booksflow.server.metrics.AlertMonitor;
import app.booksflow.server.metrics.HttpMetrics;
import app.booksflow.server.metrics.MinuteRollUp;
import app.booksflow.server.metrics.PoolMetrics;
import app.booksflow.server.metrics.SyncLag;
import app.booksflow.server.receipts.ReceiptUploadService;
import app.booksflow.server.sync.ChangeNotifier;
import app.booksflow.server.sync.ChecksumService;
import app.booksflow.server.sync.PullService;
import app.booksflow.server.sync.PushService;
import app.booksflow.server.web.AdminRoutes;
import app.booksflow.server.web.AnalyticsRoutes;
import app.booksflow.server.web.AuthRoutes;
import app.booksflow.server.web.BlobRoutes;
import app.booksflow.server.web.ClientAddress;
import app.booksflow.server.web.ComplianceRoutes;
import app.booksflow.server.web.HealthRoutes;
import app.booksflow.server.web.JsonBodies;
import app.booksflow.server.web.MetricsRoutes;
import app.booksflow.server.web.ReceiptRoutes;
import app.booksflow.server.web.StatusRoutes;
import app.booksflow.server.web.SyncRoutes;
import app.booksflow.server.web.TransactionRoutes;
import app.booksflow.server.web.WebServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync server, built from its dependencies: a configuration, a migrated database and a clock.
 * Tests, the command line and the desktop's embedded mode all start it the same way.
 */
public final class SyncServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);

    private final ServerConfig config;
    private final Clock clock;
    private final AccountService accounts;
    private final OverviewService overview;
    private final MinuteRollUp rollUp;
    private final WebServer web;
    private final ChangeNotifier notifier = new ChangeNotifier();
    private final PullService pulls;
    /** Runs the periodic jobs one after another, so they never compete with each other for the database. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("booksflow-scheduler").daemon().factory());
    /** Judges the alerts; apart, so that a slow webhook holds up nothing else. */
    private final ScheduledExecutorService alerting = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("booksflow-alerts").daemon().factory());
    private final Optional<AlertMonitor> alerts;
    private final List<String> warnings;

    public SyncServer(ServerConfig config, DataSource dataSource, Clock clock) {
        this.config = config;
        this.clock = clock;
        ObjectMapper json = BooksFlowJson.newMapper();
        Db db = new Db(dataSource, config.slowQuery());
        AuditTrail audit = new AuditTrail();
        this.accounts = new AccountService(db, json, clock, new PasswordHasher(config.passwordHashMemoryKib(),
                config.passwordHashConcurrency()),
                new LoginThrottle(clock, Duration.ofMinutes(15), 5, 50), audit, config.tokenLifetime());
        HttpMetrics metrics = new HttpMetrics(config.slowRequest(), clock);
        PoolMetrics.bind(dataSource, metrics.registry());
        ActiveSessions.register(db, clock, metrics.registry());
        this.rollUp = new MinuteRollUp(metrics, db, clock);
        this.alerts = config.alerting().rules().map(rules -> new AlertMonitor(rules, metrics.live(), clock, json,
                hostName()));
        this.overview = new OverviewService(db);
        String schemaVersion = Database.latestVersion(dataSource);
        this.warnings = warnings(dataSource);
        JsonBodies bodies = new JsonBodies(json, config.maxRequestBytes());
        PushService push = new PushService(db, json, clock, audit, notifier);
        this.pulls = new PullService(db, notifier);
        Gauge.builder("booksflow.sync.polls.waiting", pulls, PullService::waitingPolls)
                .description("Pulls and watches waiting for a change (long polls)")
                .strongReference(true)
                .register(metrics.registry());
        TransactionReader transactions = new TransactionReader(db, json);
        BlobService blobs = new BlobService(db, clock, config.blobDir(), config.maxBlobBytes());
        this.web = new WebServer(config, json, accounts, metrics, List.of(
                new HealthRoutes(() -> Database.isReady(dataSource, schemaVersion)),
                new AuthRoutes(accounts, bodies, ClientAddress.trusting(config.trustedProxies())),
                new AdminRoutes(accounts, bodies),
                new SyncRoutes(push, pulls, new ChecksumService(db),
                        new SyncLag(metrics.registry(), clock), bodies, json),
                new AnalyticsRoutes(new DashboardService(db, clock), overview, json),
                new TransactionRoutes(new TransactionPosting(db, push, transactions, json, clock), transactions, bodies),
                new ComplianceRoutes(new AuditTrailQuery(db, json), clock.getZone()),
                new MetricsRoutes(metrics, accounts, config.metricsScrapeToken()),
                new StatusRoutes(metrics.live(), dataSource, alerts, warnings),
                new BlobRoutes(blobs),
                new ReceiptRoutes(new ReceiptUploadService(db, json, clock, blobs, push), config.maxBlobBytes())));
    }

    public SyncServer start() {
        warnings.forEach(LOG::warn);
        web.start(config.port());
        long refresh = config.dashboardRefresh().toMillis();
        if (refresh > 0) {
            scheduler.scheduleWithFixedDelay(logged("refresh the dashboard overview", overview::refreshNow),
                    refresh, refresh, TimeUnit.MILLISECONDS);
        } else {
            LOG.info("dashboard.refresh is {}: the overview is refreshed only on demand", config.dashboardRefresh());
        }
        scheduler.scheduleAtFixedRate(logged("roll up the request metrics", rollUp::rollUp), 1, 1, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(logged("forget old request metrics and ended sessions", this::keepTablesSmall),
                1, 60, TimeUnit.MINUTES);
        alerts.ifPresent(monitor -> {
            alerting.scheduleWithFixedDelay(logged("judge the alerts", monitor::evaluate), 5, 5, TimeUnit.SECONDS);
            LOG.info("Alerts go to {}", config.alerting().webhook().orElseThrow());
        });
        return this;
    }

    /**
     * What an admin must know about how this server runs: shown when {@code serve} starts, logged, and on
     * the status page. Today: a database that may lose a commit the server has answered (ADR 0043).
     */
    public List<String> warnings() {
        return warnings;
    }

    private static List<String> warnings(DataSource dataSource) {
        try {
            return Database.durabilityWarning(dataSource).stream().toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read how the database keeps its commits", e);
        }
    }

    /** A failed run is logged and the next one tried on time; an exception would cancel the schedule for good. */
    private static Runnable logged(String job, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("Could not {}; trying again at the next run", job, e);
            }
        };
    }

    /**
     * Hourly: the tables that every minute and every sign-in add to would otherwise grow for as long as the
     * server runs. Request metrics older than {@code metrics.retention} and ended sessions are deleted.
     */
    void keepTablesSmall() {
        int sessions = accounts.forgetEndedSessions();
        int metrics = config.metricsRetention().isZero() ? 0
                : rollUp.forgetBefore(clock.instant().minus(config.metricsRetention()));
        if (sessions + metrics > 0) {
            LOG.info("Forgot {} ended sessions and {} request metric rows older than {}", sessions, metrics,
                    config.metricsRetention());
        }
    }

    public int port() {
        return web.port();
    }

    /** The alerts, when a webhook is configured. */
    public Optional<AlertMonitor> alerts() {
        return alerts;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown host";
        }
    }

    public AccountService accounts() {
        return accounts;
    }

    /** The per-minute roll-up of request metrics, which the scheduler also runs every minute. */
    public MinuteRollUp metricsRollUp() {
        return rollUp;
    }

    /** Whether {@link #close} lets the requests in flight finish (see {@link WebServer#stopsGracefully}). */
    /** Long polls waiting for a change now. */
    public int waitingPolls() {
        return pulls.waitingPolls();
    }

    public boolean stopsGracefully() {
        return web.stopsGracefully();
    }

    /**
     * Stops taking requests and lets those in flight finish (long polls are answered at once), then stops
     * the periodic jobs. The caller closes the database afterwards.
     */
    @Override
    public void close() {
        notifier.close();
        web.stop();
        alerting.shutdownNow();
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A scheduled job did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
