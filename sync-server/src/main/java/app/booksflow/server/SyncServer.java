package app.booksflow.server;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.LoginThrottle;
import app.booksflow.server.accounts.PasswordHasher;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.blobs.BlobService;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.Db;
import app.booksflow.server.metrics.HttpMetrics;
import app.booksflow.server.receipts.ReceiptUploadService;
import app.booksflow.server.sync.ChangeNotifier;
import app.booksflow.server.sync.ChecksumService;
import app.booksflow.server.sync.PullService;
import app.booksflow.server.sync.PushService;
import app.booksflow.server.web.AdminRoutes;
import app.booksflow.server.web.AuthRoutes;
import app.booksflow.server.web.BlobRoutes;
import app.booksflow.server.web.HealthRoutes;
import app.booksflow.server.web.JsonBodies;
import app.booksflow.server.web.ReceiptRoutes;
import app.booksflow.server.web.SyncRoutes;
import app.booksflow.server.web.WebServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The sync server, built from its dependencies: a configuration, a migrated database and a clock.
 * Tests, the command line and the desktop's embedded mode all start it the same way.
 */
public final class SyncServer implements AutoCloseable {

    private final ServerConfig config;
    private final AccountService accounts;
    private final WebServer web;

    public SyncServer(ServerConfig config, DataSource dataSource, Clock clock) {
        this.config = config;
        ObjectMapper json = BooksFlowJson.newMapper();
        Db db = new Db(dataSource, config.slowQuery());
        AuditTrail audit = new AuditTrail();
        this.accounts = new AccountService(db, json, clock, new PasswordHasher(config.passwordHashMemoryKib()),
                new LoginThrottle(clock, Duration.ofMinutes(15), 5, 50), audit, config.tokenLifetime());
        ChangeNotifier notifier = new ChangeNotifier();
        HttpMetrics metrics = new HttpMetrics(config.slowRequest());
        String schemaVersion = Database.latestVersion(dataSource);
        JsonBodies bodies = new JsonBodies(json, config.maxRequestBytes());
        PushService push = new PushService(db, json, clock, audit, notifier);
        BlobService blobs = new BlobService(db, clock, config.blobDir(), config.maxBlobBytes());
        this.web = new WebServer(config, json, accounts, metrics, List.of(
                new HealthRoutes(() -> Database.isReady(dataSource, schemaVersion)),
                new AuthRoutes(accounts, bodies),
                new AdminRoutes(accounts, bodies),
                new SyncRoutes(push, new PullService(db, json, notifier), new ChecksumService(db), bodies),
                new BlobRoutes(blobs),
                new ReceiptRoutes(new ReceiptUploadService(db, json, clock, blobs, push), config.maxBlobBytes())));
    }

    public SyncServer start() {
        web.start(config.port());
        return this;
    }

    public int port() {
        return web.port();
    }

    public AccountService accounts() {
        return accounts;
    }

    @Override
    public void close() {
        web.stop();
    }
}
