package app.booksflow.desktop.gui.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox of the office's books, filled by real conflicts and refusals of the real server. */
class InboxViewModelTest {

    private static TestServer server;

    @TempDir
    Path laptopDir;
    @TempDir
    Path officeDir;

    private Practice practice;
    private TestBooks laptop;
    private TestBooks office;
    private SyncEngine laptopSync;
    private SyncEngine officeSync;
    private InboxViewModel inbox;
    private final AtomicInteger settled = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        practice = Practice.create(server, "inbox-" + UUID.randomUUID().toString().substring(0, 8));
        laptop = TestBooks.open(laptopDir);
        office = TestBooks.open(officeDir);
        laptopSync = signedIn(laptop, laptopDir);
        officeSync = signedIn(office, officeDir);
        inbox = new InboxViewModel(office.ledger, new SimpleObjectProperty<>(new Settings(officeDir.toAbsolutePath(),
                Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty())), new SynchronousTaskExecutor(), TestBooks.USER);
        inbox.onSettled(settled::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        laptopSync.close();
        officeSync.close();
        laptop.close();
        office.close();
    }

    private SyncEngine signedIn(TestBooks books, Path dir) {
        SyncEngine engine = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
        engine.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
        engine.syncOnce();
        return engine;
    }

    /** A sale on both devices, then edited on each while both are offline; the office syncs second. */
    private Transaction conflict() {
        Transaction shared = laptop.ledger.transactions().create(sale(LocalDate.of(2025, 3, 3), "Market stall", "120.00"),
                TestBooks.USER).transaction();
        laptopSync.syncOnce();
        officeSync.syncOnce();
        edit(laptop, shared.id(), "Market stall (Saturday)", "stall fee");
        edit(office, shared.id(), "Farmers' market", "weekly");
        laptopSync.syncOnce();
        officeSync.syncOnce();
        return shared;
    }

    @Test
    void aConflictIsListedWithBothVersionsFieldByField() {
        conflict();

        inbox.refresh();

        assertThat(inbox.items()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("Changed on two devices");
            assertThat(row.entity()).isEqualTo("Transaction 3 Mar 2025 Farmers' market €120.00");
            assertThat(row.client()).isEqualTo(practice.client.name());
            assertThat(row.reason()).contains("changed on another device");
            assertThat(row.differing()).containsExactly("payee", "memo");
        });
        assertThat(inbox.selectedProperty().get()).isSameAs(inbox.items().get(0));
        assertThat(inbox.fields()).extracting(FieldRow::label)
                .containsExactly("Date", "Payee", "Memo", "Bank account", "Total", "Status", "Splits");
        assertThat(inbox.fields()).filteredOn(f -> f.name().equals("payee")).singleElement().satisfies(f -> {
            assertThat(f.mine()).isEqualTo("Farmers' market");
            assertThat(f.theirs()).isEqualTo("Market stall (Saturday)");
            assertThat(f.differs()).isTrue();
        });
        assertThat(inbox.fields()).filteredOn(f -> f.name().equals("bankAccount")).singleElement()
                .satisfies(f -> assertThat(f.mine()).startsWith("1000 ").isEqualTo(f.theirs()));
        assertThat(inbox.fields()).filteredOn(f -> f.name().equals("status")).singleElement()
                .satisfies(f -> assertThat(f.mine()).isEqualTo("Posted"));
        assertThat(inbox.choices()).containsOnlyKeys("payee", "memo");
        assertThat(inbox.canMergeProperty().get()).isTrue();
        assertThat(inbox.canDismissProperty().get()).isFalse();
    }

    @Test
    void aMergeTakesTheChosenFieldsFromEachSideAndReachesTheOtherDevice() {
        Transaction shared = conflict();
        inbox.refresh();

        inbox.choose("payee", InboxViewModel.Side.MINE);
        inbox.choose("memo", InboxViewModel.Side.THEIRS);
        inbox.merge();

        assertThat(inbox.errorProperty().get()).isEmpty();
        assertThat(inbox.items()).isEmpty();
        assertThat(inbox.messageProperty().get()).startsWith("The merged version is kept");
        assertThat(settled).hasValue(1);
        Transaction merged = office.ledger.transactions().find(shared.id()).orElseThrow().transaction();
        assertThat(merged.payee()).isEqualTo("Farmers' market");
        assertThat(merged.memo()).isEqualTo("stall fee");

        officeSync.syncOnce();
        laptopSync.syncOnce();
        Transaction onLaptop = laptop.ledger.transactions().find(shared.id()).orElseThrow().transaction();
        assertThat(onLaptop.payee()).isEqualTo("Farmers' market");
        assertThat(onLaptop.memo()).isEqualTo("stall fee");
        assertThat(office.ledger.sync().openInboxCount()).isZero();
    }

    @Test
    void keepingTheirsLeavesTheServersVersion() {
        Transaction shared = conflict();
        inbox.refresh();

        inbox.keepTheirs();

        assertThat(inbox.items()).isEmpty();
        Transaction kept = office.ledger.transactions().find(shared.id()).orElseThrow().transaction();
        assertThat(kept.payee()).isEqualTo("Market stall (Saturday)");
        assertThat(office.ledger.sync().pendingCount()).isZero();
    }

    @Test
    void aRefusedChangeCanOnlyBeDismissedWhenItsPeriodIsClosedAndTheReasonIsShown() {
        office.ledger.transactions().create(sale(LocalDate.of(2025, 2, 10), "Late invoice", "80.00"), TestBooks.USER);
        laptop.ledger.clients().changeClosingDate(practice.client.id(), Optional.of(LocalDate.of(2025, 2, 28)),
                TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();

        inbox.refresh();

        assertThat(inbox.items()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("Refused by the server");
            assertThat(row.entity()).isEqualTo("Transaction 10 Feb 2025 Late invoice €80.00");
            assertThat(row.reason()).contains("2025-02-28");
        });
        assertThat(inbox.canDismissProperty().get()).isTrue();
        assertThat(inbox.canMergeProperty().get()).isFalse();
        assertThat(inbox.canKeepTheirsProperty().get()).isFalse();

        inbox.keepMine();

        assertThat(inbox.errorProperty().get()).as("the closed period refuses it here too").isNotEmpty();
        assertThat(inbox.items()).hasSize(1);
        assertThat(settled).hasValue(0);

        inbox.dismiss();

        assertThat(inbox.errorProperty().get()).isEmpty();
        assertThat(inbox.items()).isEmpty();
        assertThat(office.ledger.sync().openInboxCount()).isZero();
        assertThat(settled).hasValue(1);
    }

    @Test
    void anEmptyInboxSelectsNothingAndOffersNoAction() {
        inbox.refresh();

        assertThat(inbox.items()).isEmpty();
        assertThat(inbox.selectedProperty().get()).isNull();
        assertThat(inbox.fields()).isEmpty();
        assertThat(inbox.canKeepMineProperty().get()).isFalse();
        assertThat(inbox.canDismissProperty().get()).isFalse();
    }

    private Transaction sale(LocalDate date, String payee, String gross) {
        Money amount = Money.of(gross, "EUR");
        return new Transaction(TransactionId.random(), practice.client.id(), date, payee, "", practice.account("1000"),
                amount, TransactionStatus.POSTED, List.of(Split.of(practice.account("4000"), amount, practice.vat.id())));
    }

    private static void edit(TestBooks books, TransactionId id, String payee, String memo) {
        StoredTransaction stored = books.ledger.transactions().find(id).orElseThrow();
        Transaction t = stored.transaction();
        books.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(), payee, memo, t.bankAccount(),
                t.total(), t.status(), t.splits()), stored.version(), TestBooks.USER);
    }
}
