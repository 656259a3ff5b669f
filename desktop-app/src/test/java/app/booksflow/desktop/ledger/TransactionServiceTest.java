package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static app.booksflow.desktop.support.TestBooks.draft;
import static app.booksflow.desktop.support.TestBooks.gbp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.dashboard.PeriodFigures;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionServiceTest {

    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private TransactionService transactions;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("Hill Street Bakery");
        transactions = books.ledger.transactions();
    }

    @AfterEach
    void close() {
        books.close();
    }

    private PeriodFigures june() {
        return books.dashboards.monthComparison(client.id(), TODAY).thisMonth();
    }

    @Test
    void aPostedSaleCountsAsIncomeWithoutItsVat() {
        transactions.create(books.sale(client, JUNE_10, "120.00"), USER);

        assertThat(june()).isEqualTo(new PeriodFigures(gbp("100.00"), gbp("0.00"), 1));
    }

    @Test
    void aDraftCountsOnlyOnceItIsPosted() {
        StoredTransaction stored = transactions.create(draft(books.purchase(client, JUNE_10, "45.50", "6100")), USER);
        assertThat(june().transactions()).isZero();

        transactions.post(stored.transaction().id(), USER);

        assertThat(june()).isEqualTo(new PeriodFigures(gbp("0.00"), gbp("45.50"), 1));
    }

    @Test
    void unpostingTakesATransactionBackOutOfTheFigures() {
        Transaction sale = transactions.create(books.sale(client, JUNE_10, "60.00"), USER).transaction();

        StoredTransaction unposted = transactions.unpost(sale.id(), USER);

        assertThat(unposted.transaction().status()).isEqualTo(TransactionStatus.DRAFT);
        assertThat(june().transactions()).isZero();
    }

    @Test
    void editingMovesTheFiguresToTheNewDateAndAmount() {
        StoredTransaction stored = transactions.create(books.purchase(client, LocalDate.of(2025, 5, 20), "30.00", "6100"),
                USER);
        Transaction old = stored.transaction();
        Money newTotal = gbp("-42.00");
        Transaction changed = new Transaction(old.id(), old.client(), JUNE_10, old.payee(), "now in June",
                old.bankAccount(), newTotal, old.status(), List.of(Split.of(old.splits().get(0).account(), newTotal)));

        StoredTransaction edited = transactions.edit(changed, stored.version(), USER);

        assertThat(edited.version()).isGreaterThan(stored.version());
        var comparison = books.dashboards.monthComparison(client.id(), TODAY);
        assertThat(comparison.thisMonth().expenses()).isEqualTo(gbp("42.00"));
        assertThat(comparison.lastMonth().transactions()).isZero();
    }

    @Test
    void refusesAnEditMadeOnAStaleCopy() {
        StoredTransaction stored = transactions.create(books.purchase(client, JUNE_10, "30.00", "6100"), USER);
        Transaction memoChanged = withMemo(stored.transaction(), "first edit");
        transactions.edit(memoChanged, stored.version(), USER);

        assertThatThrownBy(() -> transactions.edit(withMemo(stored.transaction(), "second"), stored.version(), USER))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("changed since it was opened");
        assertThat(transactions.find(stored.transaction().id()).orElseThrow().transaction().memo()).isEqualTo("first edit");
    }

    @Test
    void deletingAPostedTransactionTakesItOutOfTheFigures() {
        Transaction sale = transactions.create(books.sale(client, JUNE_10, "120.00"), USER).transaction();

        transactions.delete(sale.id(), USER);

        assertThat(transactions.find(sale.id())).isEmpty();
        assertThat(june()).isEqualTo(new PeriodFigures(gbp("0.00"), gbp("0.00"), 0));
        assertThat(DashboardSnapshot.of(books.store).rows()).isEmpty();
    }

    @Test
    void refusesToBookIntoAClosedPeriodWithTheDomainMessage() {
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);

        assertThatThrownBy(() -> transactions.create(books.sale(client, LocalDate.of(2025, 3, 31), "10.00"), USER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.PERIOD_CLOSED))
                .hasMessage("The books of Hill Street Bakery are closed up to 2025-03-31; 2025-03-31 cannot be changed."
                        + " Book a correction in an open period.");
    }

    @Test
    void refusesToMoveATransactionIntoOrOutOfAClosedPeriodOrToDeleteOneThere() {
        StoredTransaction open = transactions.create(books.sale(client, LocalDate.of(2025, 4, 2), "10.00"), USER);
        StoredTransaction closed = transactions.create(books.sale(client, LocalDate.of(2025, 3, 2), "10.00"), USER);
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);
        DashboardSnapshot before = DashboardSnapshot.of(books.store);

        Transaction intoClosed = withDate(open.transaction(), LocalDate.of(2025, 3, 30));
        Transaction outOfClosed = withDate(closed.transaction(), LocalDate.of(2025, 4, 30));
        assertThatThrownBy(() -> transactions.edit(intoClosed, open.version(), USER)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> transactions.edit(outOfClosed, closed.version(), USER)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> transactions.delete(closed.transaction().id(), USER)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> transactions.unpost(closed.transaction().id(), USER)).isInstanceOf(DomainException.class);

        assertThat(DashboardSnapshot.of(books.store)).isEqualTo(before);
        assertThat(transactions.find(closed.transaction().id())).isPresent();
    }

    @Test
    void refusesATransactionInAnotherCurrencyThanTheClientsBooks() {
        Transaction sale = books.sale(client, JUNE_10, "10.00");
        Money euros = Money.of("10.00", "EUR");
        Transaction inEuros = new Transaction(sale.id(), sale.client(), sale.date(), sale.payee(), "", sale.bankAccount(),
                euros, sale.status(), List.of(Split.of(sale.splits().get(0).account(), euros)));

        assertThatThrownBy(() -> transactions.create(inEuros, USER))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.CURRENCY_MISMATCH));
    }

    @Test
    void refusesAnAccountOfAnotherClient() {
        Client other = books.ukClient("Other Ltd");
        Transaction sale = books.sale(client, JUNE_10, "10.00");
        AccountId foreign = books.account(other.id(), "4000");
        Transaction mixed = new Transaction(sale.id(), sale.client(), sale.date(), sale.payee(), "", sale.bankAccount(),
                sale.total(), sale.status(), List.of(Split.of(foreign, sale.total())));

        assertThatThrownBy(() -> transactions.create(mixed, USER)).hasMessageContaining("not one of Hill Street Bakery's");
        assertThat(transactions.find(sale.id())).isEmpty();
    }

    @Test
    void refusesASalePaidIntoAnIncomeAccount() {
        Transaction sale = books.sale(client, JUNE_10, "10.00");
        Transaction wrong = new Transaction(sale.id(), sale.client(), sale.date(), sale.payee(), "",
                books.account(client.id(), "4100"), sale.total(), sale.status(), sale.splits());

        assertThatThrownBy(() -> transactions.create(wrong, USER)).hasMessageContaining("4100 Services is an income account");
    }

    @Test
    void refusesToPostTwice() {
        Transaction sale = transactions.create(books.sale(client, JUNE_10, "10.00"), USER).transaction();

        assertThatThrownBy(() -> transactions.post(sale.id(), USER)).hasMessage("The transaction is already posted.");
    }

    @Test
    void listsTransactionsByDateAndByAccount() {
        Transaction rent = transactions.create(books.purchase(client, LocalDate.of(2025, 6, 1), "900.00", "6000"), USER)
                .transaction();
        Transaction paper = transactions.create(books.purchase(client, LocalDate.of(2025, 6, 3), "12.00", "6100"), USER)
                .transaction();
        transactions.create(books.purchase(client, LocalDate.of(2025, 7, 1), "900.00", "6000"), USER);

        assertThat(transactions.list(client.id(), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)))
                .extracting(StoredTransaction::transaction).containsExactly(rent, paper);
        assertThat(transactions.listByAccount(client.id(), books.account(client.id(), "6000"), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 30))).extracting(StoredTransaction::transaction).containsExactly(rent);
        assertThat(transactions.listByAccount(client.id(), books.account(client.id(), "1000"), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 30))).hasSize(2);
    }

    @Test
    void aMissingTransactionIsReportedAsGone() {
        assertThatThrownBy(() -> transactions.post(TransactionId.random(), USER)).hasMessageContaining("no longer exists");
    }

    private static Transaction withMemo(Transaction t, String memo) {
        return new Transaction(t.id(), t.client(), t.date(), t.payee(), memo, t.bankAccount(), t.total(), t.status(),
                t.splits());
    }

    private static Transaction withDate(Transaction t, LocalDate date) {
        return new Transaction(t.id(), t.client(), date, t.payee(), t.memo(), t.bankAccount(), t.total(), t.status(),
                t.splits());
    }
}
