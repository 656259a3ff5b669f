package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.FirstSyncBooks;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first sync that BooksFlow did not live through begins again in new books (ADR 0049). The books a kill
 * leaves are made here by hand, as {@code FirstSyncKillCampaign} finds them: rows of a page without the
 * cursor they were pulled with, and the lock file of a process that never closed them.
 */
class FirstSyncRestartTest {

    @TempDir
    Path dir;

    @Test
    void aFirstSyncCutShortBeginsAgainInNewBooksAndReachesTheServersBooks() throws Exception {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "first-sync-again");
            load(practice, 300);
            List<Boolean> markedWhilePulling = new CopyOnWriteArrayList<>();
            SyncAccount account;
            try (TestBooks device = TestBooks.open(dir);
                    SyncEngine sync = new SyncEngine(device.ledger.sync(), new TokenStore(dir), device.clock)) {
                sync.showProgressFrom(1);
                sync.onStatus(status -> {
                    if (status.receiving().isPresent()) {
                        markedWhilePulling.add(FirstSyncMark.exists(data()));
                    }
                });
                sync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                sync.syncOnce();
                account = device.ledger.sync().account().orElseThrow();
            }
            assertThat(markedWhilePulling).as("marked from the first page on").isNotEmpty().containsOnly(true);
            assertThat(FirstSyncMark.exists(data())).as("no mark once the first sync is on disk").isFalse();

            new FirstSyncMark(account, "Practice").write(data());
            tearAsAKillLeavesThem();

            List<String> stages = new ArrayList<>();
            Optional<FirstSyncRestart.Restarted> restarted = FirstSyncRestart.ifCutShort(LocalStore.open(data()),
                    java.time.Clock.systemUTC(), stages::add);

            assertThat(restarted).isPresent();
            assertThat(stages).contains("Beginning the first sync again: BooksFlow stopped during it.");
            assertThat(restarted.get().keptAs()).exists().hasParent(data().damaged());
            assertThat(data().safetyCopies()).as("the first sync's safety copy kept with its books").doesNotExist();
            assertThat(restarted.get().message()).contains(server.baseUrl()).contains(restarted.get().keptAs().toString());
            try (TestBooks again = TestBooks.of(restarted.get().store());
                    SyncEngine sync = new SyncEngine(again.ledger.sync(), new TokenStore(dir), again.clock)) {
                assertThat(again.store.leftOpenBefore()).as("new books: nothing to check").isFalse();
                assertThat(again.ledger.sync().account()).contains(account);
                assertThat(again.ledger.sync().cursors()).isEmpty();
                assertThat(count(again, "select count(*) from transactions")).isZero();
                assertThat(FirstSyncMark.exists(data())).as("the first sync is still to be made").isTrue();

                sync.syncOnce();

                assertThat(count(again, "select count(*) from transactions")).isEqualTo(300);
                ClientChecksum serverSum = BooksFlowJson.newMapper().convertValue(
                        practice.accountant.get("/api/v1/sync/checksum?client=" + practice.client.id()).json(),
                        ClientChecksum.class);
                assertThat(SyncEngine.sameBooks(serverSum, again.ledger.sync().checksum(practice.client.id()))).isTrue();
                assertThat(FirstSyncMark.exists(data())).isFalse();
            }
        }
    }

    @Test
    void booksWithChangesOfTheirOwnAreLeftToTheCheckAfterAnUncleanStop() throws Exception {
        FirstSyncBooks.midFirstSync(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            books.ledger.transactions().create(books.sale(books.ledger.clients().list().get(0), LocalDate.of(2025, 6, 3),
                    "60.00"), TestBooks.USER);
        }
        FirstSyncBooks.leftOpen(dir);

        LocalStore store = LocalStore.open(data());
        try {
            assertThat(FirstSyncRestart.ifCutShort(store, java.time.Clock.systemUTC(), stage -> { })).isEmpty();
            assertThat(store.leftOpenBefore()).as("still to be checked").isTrue();
            assertThat(store.<Long>readJdbc(c -> count(c, "select count(*) from transactions"))).isEqualTo(2);
        } finally {
            store.close();
        }
        assertThat(data().damaged()).doesNotExist();
        assertThat(FirstSyncMark.exists(data())).isTrue();
    }

    @Test
    void booksWithWhatTheAccountantTaughtAboutVendorsAreLeftToTheCheck() {
        FirstSyncBooks.midFirstSync(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            books.store.runInTransaction(session -> session.createNativeMutationQuery("""
                    insert into vendor_rules (client_id, vendor_key, vendor_name, updated_at, updated_by)
                    select id, 'corneroffice', 'Corner Office Supplies', current_timestamp, 'alex' from clients""")
                    .executeUpdate());
        }
        FirstSyncBooks.leftOpen(dir);

        LocalStore store = LocalStore.open(data());
        try {
            assertThat(FirstSyncRestart.ifCutShort(store, java.time.Clock.systemUTC(), stage -> { })).isEmpty();
        } finally {
            store.close();
        }
        assertThat(data().damaged()).doesNotExist();
    }

    @Test
    void booksClosedProperlyDuringAFirstSyncGoOnFromTheirCursors() {
        FirstSyncBooks.midFirstSync(dir);

        LocalStore store = LocalStore.open(data());
        try {
            assertThat(FirstSyncRestart.ifCutShort(store, java.time.Clock.systemUTC(), stage -> { })).isEmpty();
            assertThat(store.<Long>readJdbc(c -> count(c, "select count(*) from transactions"))).isEqualTo(1);
        } finally {
            store.close();
        }
    }

    @Test
    void anUnreadableMarkLeavesTheAccountToTheBooks() throws Exception {
        FirstSyncBooks.midFirstSync(dir);
        Files.writeString(FirstSyncMark.file(data()), "server=https://sync.harper-lowe.example\nuser=not a uuid\n");
        FirstSyncBooks.leftOpen(dir);

        Optional<FirstSyncRestart.Restarted> restarted = FirstSyncRestart.ifCutShort(LocalStore.open(data()),
                java.time.Clock.systemUTC(), stage -> { });

        assertThat(restarted).isPresent();
        try (TestBooks again = TestBooks.of(restarted.get().store())) {
            assertThat(again.ledger.sync().account()).contains(FirstSyncBooks.ACCOUNT);
            assertThat(again.ledger.practice().current()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo(FirstSyncBooks.PRACTICE));
            assertThat(again.ledger.clients().list()).isEmpty();
        }
    }

    @Test
    void aMarkIsReadBackAsItWasWrittenAndAHalfWrittenOneIsNotReadAtAll() throws Exception {
        new FirstSyncMark(FirstSyncBooks.ACCOUNT, "Harper & Lowe = \"Accountants\"\nLtd").write(data());
        assertThat(FirstSyncMark.read(data())).contains(new FirstSyncMark(FirstSyncBooks.ACCOUNT, "Harper & Lowe = \"Accountants\"\nLtd"));

        Files.writeString(FirstSyncMark.file(data()), "server=https://sync.harper-lowe.example\n");
        assertThat(FirstSyncMark.read(data())).isEmpty();
        assertThat(FirstSyncMark.exists(data())).isTrue();

        FirstSyncMark.clear(data());
        assertThat(FirstSyncMark.read(data())).isEmpty();
        assertThat(FirstSyncMark.exists(data())).isFalse();
    }

    /** Rows of the page without their cursor and without some of their server states, left open by a process. */
    private void tearAsAKillLeavesThem() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            books.store.runInTransaction(session -> {
                session.createNativeMutationQuery("delete from sync_cursors").executeUpdate();
                session.createNativeMutationQuery(
                        """
                        delete from sync_entities where entity_id in (select entity_id from sync_entities
                            where entity_type = 'TRANSACTION' order by entity_id limit 150)""").executeUpdate();
            });
        }
        FirstSyncBooks.leftOpen(dir);
    }

    private DataDirectory data() {
        return new DataDirectory(dir);
    }

    private static long count(TestBooks books, String sql) {
        return books.store.readJdbc(c -> count(c, sql));
    }

    private static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (var row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void load(Practice practice, int transactions) {
        Device loader = new Device(practice.admin);
        List<Mutation> batch = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            Transaction t = practice.sale(LocalDate.of(2025, 1, 1).plusDays(i % 300), "Customer " + (i % 97), 100 + i);
            batch.add(loader.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
        }
        loader.pushOk(batch.toArray(Mutation[]::new));
    }
}
