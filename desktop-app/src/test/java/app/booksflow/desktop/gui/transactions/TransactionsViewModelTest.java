package app.booksflow.desktop.gui.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.QueuedTaskExecutor;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ledger.LedgerPages;
import app.booksflow.desktop.ledger.LedgerRow;
import app.booksflow.desktop.ledger.LedgerSort;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import app.booksflow.desktop.search.SearchBacklog;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The ledger screen's state on a real H2 store; the synchronous executor runs every read and write at once. */
class TransactionsViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private final List<Instant> saves = new ArrayList<>();
    private ObjectProperty<Settings> settings;
    private TransactionsViewModel viewModel;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        var transactions = books.ledger.transactions();
        for (int day = 1; day <= 28; day++) {
            transactions.create(books.sale(bakery, LocalDate.of(2025, 5, day), day + "0.00"), TestBooks.USER);
        }
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 1), "1200.00", "6000"), TestBooks.USER);
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        viewModel = new TransactionsViewModel(books.ledger, new LedgerPages(books.store), settings,
                new SynchronousTaskExecutor(), books.clock, TestBooks.USER, saves::add);
        viewModel.clientProperty().set(bakery.id());
    }

    @AfterEach
    void close() {
        books.close();
    }

    private List<LedgerRow> shown() {
        return viewModel.rows().stream().filter(Objects::nonNull).toList();
    }

    private Account account(String code) {
        return viewModel.accounts().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void opensTheClientsLedgerNewestFirstWithItsCount() {
        assertThat(viewModel.rows()).hasSize(29);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("29 transactions");
        assertThat(viewModel.rows().get(0).payee()).isEqualTo("Supplier");
        assertThat(viewModel.rows().get(0).mainAccount()).isEqualTo("Rent");
        assertThat(viewModel.formatAmount(viewModel.rows().get(0).total())).isEqualTo("-£1,200.00");
        assertThat(viewModel.bankAccounts()).extracting(Account::code).contains("1000", "2100");
    }

    @Test
    void whileABulkLoadIsIndexedTheTextFilterSaysWhatItCannotSeeAndFollowsOnceDone() {
        // As a bulk load leaves a transaction: committed, listed for the indexer, no terms yet.
        UUID supplier = books.store.read(session -> session.createNativeQuery(
                "select id from transactions where payee = 'Supplier'", UUID.class).getSingleResult());
        books.store.runInTransaction(session -> session.doWork(connection -> {
            try (var terms = connection.prepareStatement("delete from search_terms where transaction_id = ?");
                    var listed = connection.prepareStatement("insert into search_pending (transaction_id) values (?)")) {
                terms.setObject(1, supplier);
                terms.executeUpdate();
                listed.setObject(1, supplier);
                listed.executeUpdate();
            }
        }));
        viewModel.unindexedProperty().set(2_500);

        viewModel.filterTextProperty().set("supplier");

        assertThat(shown()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo(
                "The text filter does not see the 2,500 transactions still being indexed; the list follows when they are.");

        SearchBacklog.drain(books.store);
        viewModel.unindexedProperty().set(0);

        assertThat(shown()).extracting(LedgerRow::payee).containsExactly("Supplier");
    }

    @Test
    void theFirstRowsShowBeforeTheCountWhichThenGrowsTheList() {
        var transactions = books.ledger.transactions();
        for (int i = 0; i < 230; i++) {
            transactions.create(books.sale(bakery, LocalDate.of(2025, 4, 1 + i % 30), (i + 1) + ".00"), TestBooks.USER);
        }
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        TransactionsViewModel screen = new TransactionsViewModel(books.ledger, new LedgerPages(books.store), settings,
                executor, books.clock, TestBooks.USER, saves::add);
        screen.clientProperty().set(bakery.id());
        for (int i = 0; i < 20 && !executor.waitingTitles().contains("Counting the ledger"); i++) {
            executor.runNext();
        }
        // The first page is on screen while the count is still being read.
        assertThat(executor.waitingTitles()).contains("Counting the ledger");
        assertThat(screen.rows()).hasSize(200).doesNotContainNull();
        assertThat(screen.rows().get(0).payee()).isEqualTo("Supplier");
        assertThat(screen.countTextProperty().get()).isEqualTo("Counting…");
        List<LedgerRow> firstPage = List.copyOf(screen.rows());
        executor.runAll();
        assertThat(screen.countTextProperty().get()).isEqualTo("259 transactions");
        assertThat(screen.countProperty().get()).isEqualTo(259);
        assertThat(screen.rows()).hasSize(259);
        assertThat(screen.rows().subList(0, 200)).isEqualTo(firstPage);
        // Read again, the list keeps its length while it is counted.
        screen.refresh();
        executor.runNext();
        assertThat(executor.waitingTitles()).contains("Counting the ledger");
        assertThat(screen.rows()).hasSize(259);
        assertThat(screen.countTextProperty().get()).isEqualTo("259 transactions");
        executor.runAll();
        assertThat(screen.rows()).hasSize(259);
        // A filter with fewer matches than a page needs no count: the page is the whole list.
        screen.filterTextProperty().set("supplier");
        executor.runAll();
        assertThat(screen.rows()).hasSize(1);
        assertThat(screen.countTextProperty().get()).isEqualTo("1 transaction matches the filters");
    }

    @Test
    void filtersNarrowTheListAndSayHowManyMatch() {
        viewModel.filterTextProperty().set("supp");
        assertThat(shown()).extracting(LedgerRow::payee).containsExactly("Supplier");
        assertThat(viewModel.countTextProperty().get()).isEqualTo("1 transaction matches the filters");

        viewModel.clearFilters();
        viewModel.fromDateProperty().set(LocalDate.of(2025, 5, 10));
        viewModel.toDateProperty().set(LocalDate.of(2025, 5, 12));
        assertThat(shown()).extracting(LedgerRow::date).containsExactly(LocalDate.of(2025, 5, 12),
                LocalDate.of(2025, 5, 11), LocalDate.of(2025, 5, 10));

        viewModel.clearFilters();
        viewModel.filterAccountProperty().set(account("6000"));
        assertThat(shown()).hasSize(1);

        viewModel.clearFilters();
        viewModel.minAmountProperty().set("250");
        viewModel.maxAmountProperty().set("1,200.00");
        assertThat(shown()).extracting(r -> r.total().abs().minorUnits()).allSatisfy(m -> assertThat(m).isBetween(25_000L, 120_000L));
        assertThat(shown()).hasSize(5); // 250, 260, 270, 280 and the rent
    }

    @Test
    void unreadableFiltersAreExplainedBesideTheFieldAndTheListStays() {
        viewModel.minAmountProperty().set("12,3,4");

        assertThat(viewModel.minAmountErrorProperty().get()).isEqualTo("'12,3,4' is not an amount; write it like 1,234.56.");
        assertThat(viewModel.rows()).hasSize(29);

        viewModel.minAmountProperty().set("500");
        viewModel.maxAmountProperty().set("100");
        assertThat(viewModel.maxAmountErrorProperty().get()).contains("smaller than the smallest");

        viewModel.maxAmountProperty().set("");
        viewModel.fromDateProperty().set(LocalDate.of(2025, 6, 1));
        viewModel.toDateProperty().set(LocalDate.of(2025, 5, 1));
        assertThat(viewModel.dateRangeErrorProperty().get()).isEqualTo("The range ends before it starts.");
        assertThat(viewModel.minAmountErrorProperty().get()).isEmpty();
    }

    @Test
    void sortingAsksTheDatabase() {
        viewModel.sortBy(LedgerSort.AMOUNT, false);
        assertThat(viewModel.rows().get(0).payee()).isEqualTo("Supplier");
        assertThat(viewModel.rows().get(1).total()).isEqualTo(TestBooks.gbp("10.00"));

        viewModel.sortBy(LedgerSort.DATE, false);
        assertThat(viewModel.rows().get(0).date()).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void rowsBeyondTheFirstPageAreReadWhenAskedFor() {
        var transactions = books.ledger.transactions();
        for (int i = 0; i < 230; i++) {
            transactions.create(books.sale(bakery, LocalDate.of(2024, 1, 1).plusDays(i), "1.00"), TestBooks.USER);
        }
        viewModel.refresh();

        LazyLedgerList rows = (LazyLedgerList) viewModel.rows();
        assertThat(rows).hasSize(259);
        assertThat(rows.isLoaded(199)).isTrue();
        assertThat(rows.isLoaded(200)).isFalse();
        LedgerRow last = rows.get(258); // the synchronous executor reads its page at once
        assertThat(last).isNotNull();
        assertThat(last.date()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(rows.isLoaded(200)).isTrue();
    }

    @Test
    void ctrlNCreatesATransactionDatedTodayAndShowsItSelected() {
        viewModel.newTransaction();
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(viewModel.dateProperty().get()).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(viewModel.bankAccountProperty().get().code()).isEqualTo("1000");

        viewModel.payeeProperty().set("Harbour Stationers");
        viewModel.memoProperty().set("Till rolls");
        viewModel.accountProperty().set(account("6100"));
        viewModel.amountProperty().set("-1,234.50");
        viewModel.save();

        assertThat(viewModel.editingProperty().get()).isFalse();
        assertThat(viewModel.rows()).hasSize(30);
        LedgerRow created = viewModel.selectedRowProperty().get();
        assertThat(created.payee()).isEqualTo("Harbour Stationers");
        assertThat(created.total()).isEqualTo(TestBooks.gbp("-1234.50"));
        assertThat(viewModel.rows().get(viewModel.focusIndexProperty().get())).isEqualTo(created);
        assertThat(saves).containsExactly(books.clock.instant());
        assertThat(viewModel.messageProperty().get()).startsWith("Saved Harbour Stationers");
    }

    @Test
    void invalidFieldsAreExplainedBesideEachFieldAndNothingIsLost() {
        viewModel.newTransaction();
        viewModel.payeeProperty().set("  ");
        viewModel.amountProperty().set("12,3,4");
        viewModel.save();

        assertThat(viewModel.payeeErrorProperty().get()).isEqualTo("A payee is required.");
        assertThat(viewModel.amountErrorProperty().get()).isEqualTo("'12,3,4' is not an amount; write it like 1,234.56.");
        assertThat(viewModel.accountErrorProperty().get()).isEqualTo("Choose the account the amount belongs to.");
        assertThat(viewModel.amountProperty().get()).isEqualTo("12,3,4");
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(viewModel.rows()).hasSize(29);

        viewModel.rejectDate("31/02/2025", "15/06/2025");
        viewModel.save();
        assertThat(viewModel.dateErrorProperty().get()).isEqualTo("'31/02/2025' is not a date; write it like 15/06/2025.");
        assertThat(saves).isEmpty();
    }

    @Test
    void editingARowChangesItAndKeepsItsTaxCode() {
        LedgerRow row = viewModel.rows().get(1); // the sale of 28 May, with VAT
        viewModel.edit(row);
        assertThat(viewModel.payeeProperty().get()).isEqualTo("Customer");
        assertThat(viewModel.amountProperty().get()).isEqualTo("280.00");
        assertThat(viewModel.accountProperty().get().code()).isEqualTo("4000");

        viewModel.payeeProperty().set("Café Blanc");
        viewModel.amountProperty().set("300");
        viewModel.save();

        Transaction saved = books.ledger.transactions().find(row.id()).orElseThrow().transaction();
        assertThat(saved.payee()).isEqualTo("Café Blanc");
        assertThat(saved.total()).isEqualTo(TestBooks.gbp("300.00"));
        assertThat(saved.splits().get(0).taxCode()).contains(books.taxCode(bakery.id(), "VAT20-S"));
        assertThat(viewModel.selectedRowProperty().get().payee()).isEqualTo("Café Blanc");
    }

    @Test
    void splitsThatAddUpAreSavedAndUnbalancedOnesAreRefused() {
        viewModel.newTransaction();
        viewModel.payeeProperty().set("Mill Lane Supplies");
        viewModel.amountProperty().set("-100.00");
        viewModel.accountProperty().set(account("5000"));
        viewModel.openSplits();
        assertThat(viewModel.splits()).hasSize(1);
        viewModel.splits().get(0).amountProperty().set("60.00");
        assertThat(viewModel.remainingProperty().get()).isEqualTo("£40.00 left to allocate");

        SplitDraft phone = viewModel.addSplitLine();
        assertThat(phone.amountProperty().get()).isEqualTo("40.00");
        phone.accountProperty().set(account("6600"));
        phone.amountProperty().set("30.00");
        phone.taxCodeProperty().set(viewModel.taxCodes().get(0));
        assertThat(viewModel.applySplits()).isFalse();
        assertThat(viewModel.splitsErrorProperty().get())
                .isEqualTo("The lines add up to -£90.00 but the total is -£100.00; £10.00 is not allocated yet.");

        phone.amountProperty().set("40.00");
        assertThat(viewModel.remainingProperty().get()).isEqualTo("Fully allocated");
        assertThat(viewModel.applySplits()).isTrue();
        assertThat(viewModel.splitModeProperty().get()).isTrue();
        viewModel.save();

        LedgerRow row = viewModel.selectedRowProperty().get();
        assertThat(row.splitCount()).isEqualTo(2);
        Transaction saved = books.ledger.transactions().find(row.id()).orElseThrow().transaction();
        assertThat(saved.splits()).extracting(Split::amount)
                .containsExactly(TestBooks.gbp("-60.00"), TestBooks.gbp("-40.00"));
        assertThat(saved.splits().get(1).taxCode()).contains(viewModel.taxCodes().get(0).id());

        viewModel.edit(row);
        assertThat(viewModel.splitModeProperty().get()).isTrue();
        viewModel.amountProperty().set("-120.00"); // the lines no longer add up
        viewModel.save();
        assertThat(viewModel.editorErrorProperty().get()).contains("The splits add up to");
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(books.ledger.transactions().find(row.id()).orElseThrow().transaction().total())
                .isEqualTo(TestBooks.gbp("-100.00"));
    }

    @Test
    void undoRevertsTheLastChangeAndSaysWhatItWas() {
        LedgerRow row = viewModel.rows().get(0);
        viewModel.selectedRowProperty().set(row);
        viewModel.delete();
        assertThat(viewModel.rows()).hasSize(28);

        viewModel.undo();

        assertThat(viewModel.messageProperty().get()).startsWith("Undone: Deleted 2025-06-01 Supplier");
        assertThat(viewModel.rows()).hasSize(29);
        assertThat(books.ledger.transactions().find(row.id())).isPresent();
        assertThat(saves).hasSize(2);
    }

    @Test
    void closedPeriodRefusesTheEditWithTheDomainsMessageAndKeepsTheInput() {
        books.ledger.clients().changeClosingDate(bakery.id(), Optional.of(LocalDate.of(2025, 5, 31)), TestBooks.USER);
        viewModel.refresh();
        LedgerRow may = viewModel.rows().get(1);
        assertThat(may.closed()).isTrue();

        viewModel.edit(may);
        viewModel.amountProperty().set("999.00");
        viewModel.save();

        assertThat(viewModel.editorErrorProperty().get()).isEqualTo("The books of Hill Street Bakery are closed up to "
                + "2025-05-31; 2025-05-28 cannot be changed. Book a correction in an open period.");
        assertThat(viewModel.editingProperty().get()).isTrue();
        assertThat(viewModel.amountProperty().get()).isEqualTo("999.00");
        assertThat(books.ledger.transactions().find(may.id()).orElseThrow().transaction().total())
                .isEqualTo(TestBooks.gbp("280.00"));

        viewModel.delete();
        assertThat(viewModel.editorErrorProperty().get()).contains("are closed up to 2025-05-31");
        assertThat(books.ledger.transactions().find(may.id())).isPresent();
        assertThat(saves).isEmpty();
    }

    @Test
    void revealClearsFiltersThatHideTheTransactionAndSelectsIt() {
        TransactionId early = viewModel.rows().get(28).id(); // 1 May
        viewModel.filterTextProperty().set("supplier");
        assertThat(viewModel.rows()).hasSize(1);

        viewModel.reveal(early);

        assertThat(viewModel.filterTextProperty().get()).isEmpty();
        assertThat(viewModel.rows()).hasSize(29);
        assertThat(viewModel.focusIndexProperty().get()).isEqualTo(28);
        assertThat(viewModel.selectedRowProperty().get().id()).isEqualTo(early);

        viewModel.fromDateProperty().set(LocalDate.of(2025, 5, 1));
        viewModel.reveal(early);
        assertThat(viewModel.fromDateProperty().get()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(viewModel.selectedRowProperty().get().id()).isEqualTo(early);
    }

    @Test
    void anotherClientShowsItsOwnLedgerWithFiltersCleared() {
        viewModel.filterTextProperty().set("supplier");
        Client joinery = books.ukClient("Acorn Joinery");
        books.ledger.transactions().create(books.sale(joinery, LocalDate.of(2025, 6, 2), "75.00"), TestBooks.USER);

        viewModel.clientProperty().set(joinery.id());

        assertThat(viewModel.filterTextProperty().get()).isEmpty();
        assertThat(shown()).extracting(LedgerRow::total).containsExactly(Money.of("75.00", "GBP"));
    }
}
