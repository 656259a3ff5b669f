package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.TestServer;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A REST write whose change has committed, but whose answer the overloaded server cannot read back (no free
 * connection in time), is answered 503 with what was saved and how to get the result, not with the
 * "nothing was changed" of a request that changed nothing; the same request sent again with its
 * Idempotency-Key gets the result and creates nothing more.
 */
class SavedButBusyTest {

    private static final String BUSY_MESSAGE_OF_UNCHANGED = "nothing was changed";

    private static TestServer server;
    private static PoolGoneAfterCommit pool;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), dataSource -> pool = new PoolGoneAfterCommit(dataSource));
        practice = Practice.create(server, "saved-but-busy");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void poolWorks() {
        pool.failOnceSaved(null);
    }

    @Test
    void aTransactionSavedWhenNoConnectionIsLeftToReadItBackSaysItWasSaved() {
        Transaction purchase = practice.purchase(LocalDate.of(2025, 5, 20), "Office Depot", 12_000);
        String key = UUID.randomUUID().toString();
        pool.failOnceSaved(purchase.id().value());

        Response busy = practice.accountant.post("POST", "/api/v1/transactions", purchase, Map.of("Idempotency-Key", key));

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("5");
        assertThat(busy.json().get("error").asText()).isEqualTo("BUSY");
        assertThat(busy.json().get("message").asText())
                .contains("transaction " + purchase.id() + " was saved (version 1)")
                .contains("same Idempotency-Key")
                .doesNotContain(BUSY_MESSAGE_OF_UNCHANGED);
        assertThat(pool.failed()).isTrue();

        Response again = practice.accountant.post("POST", "/api/v1/transactions", purchase, Map.of("Idempotency-Key", key));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(practice.accountant.get("/api/v1/transactions/" + purchase.id()).status()).isEqualTo(200);
    }

    @Test
    void withoutAKeyTheAnswerSaysWhereToReadTheSavedTransaction() {
        Transaction purchase = practice.purchase(LocalDate.of(2025, 5, 21), "City Parking", 900);
        pool.failOnceSaved(purchase.id().value());

        Response busy = practice.accountant.post("/api/v1/transactions", purchase);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.json().get("message").asText()).contains("was saved")
                .contains("GET /api/v1/transactions/" + purchase.id()).doesNotContain(BUSY_MESSAGE_OF_UNCHANGED);
        assertThat(practice.accountant.get("/api/v1/transactions/" + purchase.id()).json().get("payee").asText())
                .isEqualTo("City Parking");
    }

    @Test
    void aReceiptSavedWhenNoConnectionIsLeftToReadItBackSaysItWasSaved() {
        String key = UUID.randomUUID().toString();
        // The receipt's id follows from the user and the key, so the pool can be told which row to wait for.
        pool.failOnceSaved(UUID.nameUUIDFromBytes(("server-upload-receipt:" + practice.accountantUser.id() + ":" + key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] photo = ReceiptFiles.jpeg(31);

        Response busy = upload(photo, key);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.json().get("message").asText()).contains("was saved (version 1)")
                .contains("same Idempotency-Key").doesNotContain(BUSY_MESSAGE_OF_UNCHANGED);
        assertThat(pool.failed()).isTrue();

        Response again = upload(photo, key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRequestThatSavedNothingIsStillAnsweredNothingWasChanged() {
        Transaction purchase = practice.purchase(LocalDate.of(2025, 5, 22), "Rail Ticket Office", 4_500);
        pool.failEveryConnection(true);
        try {
            Response busy = practice.accountant.post("/api/v1/transactions", purchase);

            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.json().get("message").asText()).contains(BUSY_MESSAGE_OF_UNCHANGED);
        } finally {
            pool.failEveryConnection(false);
        }
        assertThat(practice.accountant.get("/api/v1/transactions/" + purchase.id()).status()).isEqualTo(404);
    }

    private static Response upload(byte[] photo, String key) {
        Multipart form = new Multipart().field("client", practice.client.id().toString())
                .file("file", "photo.jpg", "image/jpeg", photo);
        return practice.accountant.send("POST", "/api/v1/receipts/upload", Map.of("Content-Type", form.contentType(),
                "Idempotency-Key", key), HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
    }

    /**
     * The server's pool, which gives out no connection as if every one stayed busy: once, the first time a
     * connection is asked for after the entity with the given id has committed; or every time.
     */
    private static final class PoolGoneAfterCommit implements DataSource {

        private final DataSource pool;
        private final AtomicReference<UUID> savedEntity = new AtomicReference<>();
        private volatile boolean failed;
        private volatile boolean failEvery;

        PoolGoneAfterCommit(DataSource pool) {
            this.pool = pool;
        }

        void failOnceSaved(UUID entity) {
            failed = false;
            savedEntity.set(entity);
        }

        void failEveryConnection(boolean fail) {
            failEvery = fail;
        }

        boolean failed() {
            return failed;
        }

        @Override
        public Connection getConnection() throws SQLException {
            UUID entity = savedEntity.get();
            if (failEvery || entity != null && saved(entity) && savedEntity.compareAndSet(entity, null)) {
                failed = true;
                throw new SQLTransientConnectionException("booksflow - Connection is not available, request timed out");
            }
            return pool.getConnection();
        }

        private boolean saved(UUID entity) throws SQLException {
            try (Connection connection = pool.getConnection();
                    PreparedStatement select = connection.prepareStatement("select 1 from entities where id = ?")) {
                select.setObject(1, entity);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return pool.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
