package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device process killed without warning while it pushes and pulls (between the server applying a
 * batch and the device recording the answer, among other moments) loses nothing and doubles nothing:
 * after each kill the books open, sync on, and end with every change on the server exactly once.
 */
class SyncKillTest {

    private static final int CHANGES = 1_500;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // child JVMs start several times over
    void aDeviceKilledWhileSyncingGoesOnWithoutLossOrDoubles() throws Exception {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "kill");
            Path books = dir.resolve("books");
            try (TestBooks device = TestBooks.open(books);
                    SyncEngine sync = new SyncEngine(device.ledger.sync(), new TokenStore(books), device.clock)) {
                sync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                sync.syncOnce();
                Random random = new Random(5);
                for (int i = 0; i < CHANGES; i++) {
                    Money amount = Money.ofMinor(100 + random.nextInt(90_000), practice.client.baseCurrency());
                    device.ledger.transactions().create(new Transaction(TransactionId.random(), practice.client.id(),
                            LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300)), "Offline " + i, "", practice.account("1000"),
                            amount, TransactionStatus.POSTED, List.of(Split.of(practice.account("4000"), amount,
                                    practice.vat.id()))), TestBooks.USER);
                }
            }

            Random kills = new Random(9);
            int killed = 0;
            for (int attempt = 0; attempt < 3; attempt++) {
                try (ChildJvm child = ChildJvm.start(SyncPushMain.class, dir.resolve("device-" + attempt + ".log"),
                        books.toString())) {
                    await().atMost(Duration.ofSeconds(90)).until(() -> child.lines().contains("READY") || !child.isAlive());
                    Thread.sleep(100 + kills.nextInt(1_200));
                    if (child.isAlive()) {
                        child.kill();
                        killed++;
                    }
                }
            }
            assertThat(killed).as("the device was killed while syncing").isPositive();

            try (TestBooks device = TestBooks.open(books);
                    SyncEngine sync = new SyncEngine(device.ledger.sync(), new TokenStore(books), device.clock)) {
                sync.syncOnce();
                sync.syncOnce();
                assertThat(device.ledger.sync().pendingCount()).isZero();
                ClientChecksum serverSum = BooksFlowJson.newMapper().convertValue(
                        practice.accountant.get("/api/v1/sync/checksum?client=" + practice.client.id()).json(),
                        ClientChecksum.class);
                ClientChecksum local = device.ledger.sync().checksum(practice.client.id());
                assertThat(local.counts()).isEqualTo(serverSum.counts());
                assertThat(local.versionsHash()).isEqualTo(serverSum.versionsHash());
                assertThat(serverSum.counts().get(app.booksflow.model.EntityType.TRANSACTION)).isEqualTo((long) CHANGES);
                DashboardSnapshot[] dashboards = DashboardSnapshot.incrementalAndRebuilt(device.store);
                assertThat(dashboards[0]).isEqualTo(dashboards[1]);
                long journal = device.store.readJdbc(c -> {
                    try (PreparedStatement s = c.prepareStatement("select count(*) from sync_journal where outcome = 'APPLIED'");
                            ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                });
                try (Connection c = server.dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement("""
                                select count(*), count(distinct mutation_id) from change_log
                                where client_id = ? and entity_type = 'TRANSACTION'""")) {
                    s.setObject(1, practice.client.id().value());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        assertThat(r.getLong(1)).as("each transaction once in the change log").isEqualTo(CHANGES);
                        assertThat(r.getLong(2)).isEqualTo(CHANGES);
                    }
                }
                assertThat(journal).as("every applied mutation has its answer on the device").isEqualTo(CHANGES);
            }
        }
    }
}
