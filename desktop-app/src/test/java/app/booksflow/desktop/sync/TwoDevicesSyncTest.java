package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.support.PlainIndexes;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.syncstate.Inbox;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.model.DomainException;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.Cursor;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Two desktops and the real server (embedded PostgreSQL) over real HTTP. */
class TwoDevicesSyncTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @TempDir
    Path laptopDir;
    @TempDir
    Path officeDir;

    private TestServer server;
    private Practice practice;
    private TestBooks laptop;
    private TestBooks office;
    private SyncEngine laptopSync;
    private SyncEngine officeSync;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        practice = Practice.create(server, "two-devices");
        laptop = TestBooks.open(laptopDir);
        office = TestBooks.open(officeDir);
        laptopSync = signedIn(laptop, laptopDir);
        officeSync = signedIn(office, officeDir);
    }

    @AfterEach
    void tearDown() {
        for (AutoCloseable closeable : new AutoCloseable[] {laptopSync, officeSync, laptop, office, server}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // next one
            }
        }
    }

    private SyncEngine signedIn(TestBooks books, Path dir) {
        SyncEngine engine = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
        engine.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
        engine.syncOnce();
        return engine;
    }

    @Test
    void aNewDeviceGetsTheServersBooks() {
        assertThat(laptop.ledger.clients().list()).extracting(c -> c.id()).containsExactly(practice.client.id());
        assertThat(laptop.ledger.accounts().chart(practice.client.id()).accounts()).hasSize(practice.chart.accounts().size());
        assertConverged();
    }

    @Test
    void aNewDevicesFirstSyncReportsItsProgressAndTheTransactionsBecomeSearchable(@TempDir Path tabletDir) {
        for (int i = 0; i < 30; i++) {
            laptop.ledger.transactions().create(sale(LocalDate.of(2025, 5, 1 + i % 28), "Bulk order " + i, "10.00"),
                    TestBooks.USER);
        }
        laptopSync.syncOnce();
        List<SyncStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestBooks tablet = TestBooks.open(tabletDir);
                SyncEngine tabletSync = new SyncEngine(tablet.ledger.sync(), new TokenStore(tabletDir), tablet.clock)) {
            tabletSync.onStatus(seen::add);
            tabletSync.showProgressFrom(10);
            tabletSync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
            List<String> engineLog = logOf(SyncEngine.class, tabletSync::syncOnce);

            assertThat(engineLog).as("the ledger's indexes set aside for the first sync and built after it")
                    .anyMatch(line -> line.startsWith("Built the 8 ledger indexes set aside for the pull"));
            assertThat(PlainIndexes.of(tablet.store)).isEqualTo(PlainIndexes.of(laptop.store)).hasSize(8);
            assertThat(PlainIndexes.setAside(tablet.store)).isEmpty();

            assertThat(seen).filteredOn(s -> s.receiving().isPresent()).last()
                    .satisfies(s -> assertThat(s.receiving().get().received()).isEqualTo(s.receiving().get().waiting()));
            assertThat(tabletSync.status().receiving()).as("no progress once done").isEmpty();
            assertThat(tablet.ledger.transactions().list(practice.client.id(), FROM, TO)).hasSize(30);
            assertThat(app.booksflow.desktop.search.SearchBacklog.pending(tablet.store)).as("indexed for search").isZero();
            assertThat(tablet.ledger.sync().checksum(practice.client.id()).versionsHash())
                    .isEqualTo(laptop.ledger.sync().checksum(practice.client.id()).versionsHash());
            assertThat(SafetyCopy.find(tablet.store.directory())).as("a safety copy after the large pull")
                    .hasValueSatisfying(copy -> {
                        assertThat(copy.transactions()).isEqualTo(30);
                        assertThat(copy.occasion()).startsWith("after a sync that brought ");
                    });
        }
    }

    @Test
    void changesMadeAfterAPushWhoseAnswerWasLostWaitForTheRepeatedChangesAnswers() {
        Transaction first = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 7, 1), "Bakery", "10.00"),
                TestBooks.USER).transaction();
        Transaction second = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 7, 2), "Butcher", "20.00"),
                TestBooks.USER).transaction();
        loseTheAnswerToAPush(laptop);
        edit(laptop, second.id(), t -> withPayee(t, "Butcher Petit"));
        edit(laptop, first.id(), t -> withPayee(t, "Bakery Martin"));
        edit(laptop, first.id(), t -> withPayee(t, "Bakery Martin & Fils"));
        for (int i = 0; i < 3; i++) {
            laptop.ledger.transactions().create(sale(LocalDate.of(2025, 7, 3 + i), "Grocer " + i, "5.00"), TestBooks.USER);
        }

        // In batches of 2 the next batch is picked while one travels. The edits are based on the versions
        // that the answer to the sales' creation brings, so they wait for it and the grocers go first.
        laptopSync.pushBatch(2);
        assertThat(laptopSync.push()).as("the two sales again, the two grocers, the two edits (the later edit of the "
                + "first sale replaced the earlier), the last grocer").isEqualTo(7);
        assertThat(laptop.ledger.sync().inbox()).as("no conflict with the device's own changes").isEmpty();

        // Only later changes of the entities in flight are left: the push waits for the answer, then sends them.
        edit(laptop, first.id(), t -> withPayee(t, "Boulangerie Martin"));
        loseTheAnswerToAPush(laptop);
        edit(laptop, first.id(), t -> withPayee(t, "Boulangerie Martin & Fils"));
        assertThat(laptopSync.push()).isEqualTo(2);

        assertThat(laptop.ledger.sync().inbox()).isEmpty();
        officeSync.syncOnce();
        assertThat(payee(office, first.id())).isEqualTo("Boulangerie Martin & Fils");
        assertThat(payee(office, second.id())).isEqualTo("Butcher Petit");
        assertConverged();
    }

    /** A push picked the outbox's changes and its answer never came: they stay as sent, base versions fixed. */
    private static void loseTheAnswerToAPush(TestBooks books) {
        books.store.runInTransaction(session -> session.doWork(c -> Outbox.nextBatch(c, 100, Set.of())));
    }

    @Test
    void booksThatDifferFromTheServersAreReadAgainAndTheRepairIsShown() {
        damageTheOfficesSyncState();
        assertThat(office.ledger.sync().checksum(practice.client.id()).versionsHash())
                .isNotEqualTo(laptop.ledger.sync().checksum(practice.client.id()).versionsHash());

        laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 3), "Tea room", "12.00"), TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();

        assertConverged();
        assertThat(officeSync.status().notice()).hasValueSatisfying(n -> assertThat(n).contains("read again"));
        assertThat(officeSync.status().lastError()).isEmpty();
    }

    @Test
    void offlineEditsOnBothDevicesConvergeAndAConflictIsResolvedFromTheInbox() {
        Transaction shared = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 3, 3), "Market stall", "120.00"),
                TestBooks.USER).transaction();
        laptopSync.syncOnce();
        officeSync.syncOnce();
        assertThat(office.ledger.transactions().find(shared.id())).isPresent();

        // Both go offline and work: new transactions on each, and the same transaction edited on both.
        Transaction onLaptop = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 3, 4), "Wedding cake", "300.00"),
                TestBooks.USER).transaction();
        Transaction onOffice = office.ledger.transactions().create(sale(LocalDate.of(2025, 3, 5), "Café order", "45.50"),
                TestBooks.USER).transaction();
        edit(laptop, shared.id(), t -> withPayee(t, "Market stall (Saturday)"));
        edit(office, shared.id(), t -> withPayee(t, "Farmers' market"));
        assertThat(laptop.ledger.sync().pendingCount()).isEqualTo(2);

        // Back online: the laptop first, then the office, which finds the conflict.
        laptopSync.syncOnce();
        officeSync.syncOnce();
        laptopSync.syncOnce();

        List<Inbox.Item> inbox = office.ledger.sync().inbox();
        assertThat(inbox).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Inbox.Kind.CONFLICT);
            assertThat(item.entityId()).isEqualTo(shared.id().value());
            assertThat(item.mine().orElseThrow()).contains("Farmers' market");
            assertThat(item.theirs().orElseThrow()).contains("Market stall (Saturday)");
        });
        assertThat(payee(office, shared.id())).as("the books hold the server's version meanwhile")
                .isEqualTo("Market stall (Saturday)");
        assertThat(laptop.ledger.sync().inbox()).isEmpty();
        assertThat(payee(office, onLaptop.id())).isEqualTo("Wedding cake");
        assertThat(payee(laptop, onOffice.id())).isEqualTo("Café order");
        assertConverged();

        // The accountant keeps the office's version; it goes to the server and on to the laptop.
        office.ledger.sync().resolve(inbox.get(0).id(), Inbox.Resolution.KEPT_MINE, Optional.empty(), TestBooks.USER);
        officeSync.syncOnce();
        laptopSync.syncOnce();

        assertThat(payee(laptop, shared.id())).isEqualTo("Farmers' market");
        assertThat(office.ledger.sync().inbox()).isEmpty();
        assertThat(auditActions(office)).contains(AuditAction.SYNC_CONFLICT, AuditAction.CONFLICT_RESOLVED);
        assertConverged();
        assertThat(dashboardProfit(laptop)).isEqualTo(dashboardProfit(office));
    }

    @Test
    void aChangeAnotherDeviceCommittedSinceThePullIsNotTakenForADifference() {
        laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 4), "Wedding cake", "320.00"), TestBooks.USER);
        laptopSync.syncOnce();
        // The server now holds a change the office has not pulled: its checksum is of a later change.
        Cursor before = office.ledger.sync().cursors().get(practice.client.id());

        assertThat(officeSync.verify(practice.client.id())).as("compared only at the same change").isFalse();
        assertThat(office.ledger.sync().cursors().get(practice.client.id())).as("not read again").isEqualTo(before);
        assertThat(officeSync.status().notice()).isEmpty();

        officeSync.syncOnce();
        assertThat(officeSync.verify(practice.client.id())).isTrue();
        assertThat(officeSync.status().notice()).isEmpty();
        assertThat(officeSync.status().lastError()).isEmpty();
        assertConverged();
    }

    @Test
    void aServerAtAnEarlierChangeThanTheDeviceIsComparedAndTheClientReadAgain() {
        // As after the server was restored from an older backup: the office has pulled further than the server is,
        // and holds a version the server does not.
        damageTheOfficesSyncState();
        office.store.runInTransaction(session -> session.createNativeMutationQuery(
                "update sync_cursors set cursor = '1000000' where client_id = :client")
                .setParameter("client", practice.client.id().value()).executeUpdate());

        assertThat(officeSync.verify(practice.client.id())).isTrue();

        assertThat(officeSync.status().notice()).hasValueSatisfying(n -> assertThat(n).contains("read again"));
        assertThat(office.ledger.sync().cursors().get(practice.client.id()))
                .isEqualTo(laptop.ledger.sync().cursors().get(practice.client.id()));
        assertConverged();
    }

    @Test
    void changesTheServerLostToARestoreAreSentAgainByADeviceThatHasThem(@TempDir Path backups) {
        Transaction catering = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 2), "Catering", "250.00"),
                TestBooks.USER).transaction();
        laptopSync.syncOnce();
        officeSync.syncOnce();
        Path backup = server.backup(backups.resolve("server.zip"));
        // After the backup: an edit of a transaction the backup has, and a transaction it does not have.
        edit(laptop, catering.id(), t -> withPayee(t, "Catering (corrected)"));
        Transaction florist = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 3), "Florist", "40.00"),
                TestBooks.USER).transaction();
        laptopSync.syncOnce();
        officeSync.syncOnce();

        server = server.restartRestoredFrom(backup);
        assertThat(officeSync.verify(practice.client.id())).isTrue();

        assertThat(officeSync.status().notice()).hasValueSatisfying(n -> assertThat(n)
                .contains("no longer had 2 changes").contains("1 sent again, 1 in the inbox"));
        // The transaction the server has no trace of is sent again; nobody can have changed it since.
        assertThat(office.ledger.transactions().find(florist.id())).isPresent();
        assertThat(office.ledger.sync().pendingCount()).isOne();
        // The edit of one the server has at an older version waits for the accountant, with both versions.
        assertThat(office.ledger.sync().inbox()).singleElement().satisfies(item -> {
            assertThat(item.entityId()).isEqualTo(catering.id().value());
            assertThat(item.kind()).isEqualTo(Inbox.Kind.CONFLICT);
            assertThat(item.message()).contains("restored from an older backup");
            assertThat(item.mine().orElseThrow()).contains("Catering (corrected)");
            assertThat(item.theirs().orElseThrow()).doesNotContain("corrected");
        });
        office.ledger.sync().resolve(office.ledger.sync().inbox().get(0).id(), Inbox.Resolution.KEPT_MINE,
                Optional.empty(), TestBooks.USER);
        officeSync.syncOnce();
        laptopSync.syncOnce();

        assertThat(officeSync.status().lastError()).isEmpty();
        assertThat(laptopSync.verify(practice.client.id())).isTrue();
        assertThat(payee(laptop, catering.id())).isEqualTo("Catering (corrected)");
        assertThat(laptop.ledger.transactions().find(florist.id())).isPresent();
        assertConverged();
        List<String> audited = office.store.read(session -> session.createNativeQuery("select action from audit_events "
                + "where summary like '%restored from an older backup%' order by action", String.class).getResultList());
        assertThat(audited).containsExactly("CREATE", "SYNC_CONFLICT");
    }

    @Test
    void withTheEnginesRunningBooksThatDifferAreComparedAndReadAgainOnceTheClientRests() {
        damageTheOfficesSyncState();
        officeSync.pullWait(1);
        laptopSync.start();
        officeSync.start();

        Transaction tea = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 3), "Tea room", "12.00"),
                TestBooks.USER).transaction();

        await().atMost(Duration.ofSeconds(20)).until(() -> office.ledger.transactions().find(tea.id()).isPresent());
        await().atMost(Duration.ofSeconds(20)).until(() -> officeSync.status().notice().isPresent());
        assertThat(officeSync.status().notice().orElseThrow()).contains("read again");
        assertThat(officeSync.status().lastError()).isEmpty();
    }

    @Test
    void aChangeIntoAPeriodClosedMeanwhileIsRefusedIntoTheInboxAndTheBooksFollowTheServer() {
        Transaction late = sale(LocalDate.of(2025, 2, 10), "Late invoice", "80.00");
        office.ledger.transactions().create(late, TestBooks.USER);
        laptop.ledger.clients().changeClosingDate(practice.client.id(), Optional.of(LocalDate.of(2025, 2, 28)), TestBooks.USER);

        laptopSync.syncOnce();
        officeSync.syncOnce();

        assertThat(office.ledger.sync().inbox()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Inbox.Kind.REJECTED);
            assertThat(item.code()).contains("PERIOD_CLOSED");
            assertThat(item.message()).contains("2025-02-28");
            assertThat(item.mine().orElseThrow()).contains("Late invoice");
        });
        assertThat(office.ledger.transactions().find(late.id())).as("the refused transaction left the books").isEmpty();
        assertThat(office.closingDate(practice.client.id())).contains(LocalDate.of(2025, 2, 28));
        assertThat(auditActions(office)).contains(AuditAction.SYNC_REJECTED);
        assertThatThrownBy(() -> office.ledger.sync().resolve(office.ledger.sync().inbox().get(0).id(),
                Inbox.Resolution.KEPT_MINE, Optional.empty(), TestBooks.USER))
                .as("keeping a change into a closed period is refused here too").isInstanceOf(DomainException.class);
        assertConverged();
    }

    @Test
    void masterDataChangedOnBothDevicesIsMergedByTheServerWithoutAnInboxItem() {
        laptop.ledger.accounts().rename(practice.account("4000"), "Sales (shop)", TestBooks.USER);
        office.ledger.accounts().rename(practice.account("4000"), "Sales (online)", TestBooks.USER);
        office.ledger.clients().changeClosingDate(practice.client.id(), Optional.of(LocalDate.of(2024, 12, 31)), TestBooks.USER);

        laptopSync.syncOnce();
        officeSync.syncOnce();
        laptopSync.syncOnce();

        for (TestBooks books : List.of(laptop, office)) {
            assertThat(books.ledger.accounts().chart(practice.client.id()).byCode("4000").orElseThrow().name())
                    .as("the later push wins the name").isEqualTo("Sales (online)");
            assertThat(books.closingDate(practice.client.id())).contains(LocalDate.of(2024, 12, 31));
            assertThat(books.ledger.sync().inbox()).isEmpty();
        }
        assertConverged();
    }

    @Test
    void withTheEnginesRunningAnEditOnOneDeviceReachesTheOtherWithinSeconds() {
        laptopSync.start();
        officeSync.start();
        Transaction sale = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 4, 1), "Birthday cake", "64.00"),
                TestBooks.USER).transaction();

        await().atMost(Duration.ofSeconds(10)).until(() -> office.ledger.transactions().find(sale.id()).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> laptopSync.status().pendingChanges() == 0);
        assertThat(laptopSync.status().state()).isEqualTo(SyncStatus.State.ONLINE);
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageAndLeavesTheBooksAlone() {
        SyncEngine engine = new SyncEngine(laptop.ledger.sync(), new TokenStore(laptopDir.resolve("other")), laptop.clock);
        assertThatThrownBy(() -> engine.signIn(server.baseUrl(), practice.accountantUser.email(), "wrong".toCharArray(),
                "Practice")).isInstanceOf(SyncException.class).hasMessageContaining("password is wrong");
        assertThatThrownBy(() -> engine.signIn("not a server", "a@b.example", "x".toCharArray(), "Practice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a server address");
        engine.close();
        assertThat(laptop.ledger.clients().list()).hasSize(1);
    }

    /**
     * A sale both devices have synced, then the office's sync state damaged behind its back: it now believes it
     * holds another version of the sale than the server's.
     */
    private void damageTheOfficesSyncState() {
        Transaction sale = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 6, 2), "Catering", "250.00"),
                TestBooks.USER).transaction();
        laptopSync.syncOnce();
        officeSync.syncOnce();
        office.store.runInTransaction(session -> session.createNativeMutationQuery(
                "update sync_entities set version = version + 7 where entity_id = :id")
                .setParameter("id", sale.id().value()).executeUpdate());
    }

    private Transaction sale(LocalDate date, String payee, String gross) {
        Money amount = Money.of(gross, "EUR");
        return new Transaction(TransactionId.random(), practice.client.id(), date, payee, "", practice.account("1000"),
                amount, TransactionStatus.POSTED, List.of(Split.of(practice.account("4000"), amount, practice.vat.id())));
    }

    private static String payee(TestBooks books, TransactionId id) {
        return books.ledger.transactions().find(id).orElseThrow().transaction().payee();
    }

    private static void edit(TestBooks books, TransactionId id, java.util.function.UnaryOperator<Transaction> change) {
        StoredTransaction stored = books.ledger.transactions().find(id).orElseThrow();
        books.ledger.transactions().edit(change.apply(stored.transaction()), stored.version(), TestBooks.USER);
    }

    private static Transaction withPayee(Transaction t, String payee) {
        return new Transaction(t.id(), t.client(), t.date(), payee, t.memo(), t.bankAccount(), t.total(), t.status(),
                t.splits());
    }

    private static List<AuditAction> auditActions(TestBooks books) {
        return books.store.read(session -> app.booksflow.desktop.audit.AuditLog.latest(session, Optional.empty(), 500))
                .stream().map(AuditRecord::action).toList();
    }

    private String dashboardProfit(TestBooks books) {
        return books.ledger.transactions().list(practice.client.id(), FROM, TO).stream()
                .map(StoredTransaction::transaction).sorted(Comparator.comparing(t -> t.id().toString()))
                .map(Transaction::toString).toList().toString();
    }

    private void assertConverged() {
        ClientId client = practice.client.id();
        ClientChecksum serverSum = app.booksflow.json.BooksFlowJson.newMapper().convertValue(
                practice.accountant.get("/api/v1/sync/checksum?client=" + client).json(), ClientChecksum.class);
        for (TestBooks books : List.of(laptop, office)) {
            ClientChecksum local = books.ledger.sync().checksum(client);
            assertThat(local.counts()).isEqualTo(serverSum.counts());
            assertThat(local.versionsHash()).isEqualTo(serverSum.versionsHash());
            assertThat(books.ledger.sync().pendingCount()).isZero();
        }
        assertThat(transactions(laptop)).isEqualTo(transactions(office));
    }

    private List<Transaction> transactions(TestBooks books) {
        return books.ledger.transactions().list(practice.client.id(), FROM, TO).stream()
                .map(StoredTransaction::transaction).sorted(Comparator.comparing(t -> t.id().toString())).toList();
    }

    /** The log lines of a class at debug level while the work runs. */
    private static List<String> logOf(Class<?> source, Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.DEBUG);
        try {
            work.run();
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
