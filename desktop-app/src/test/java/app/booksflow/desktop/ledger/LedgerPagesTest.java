package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages of a client's ledger on a real H2 file: each filter, each order, paging and refused input. */
class LedgerPagesTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private LedgerPages pages;
    private Client bakery;
    private Transaction rent;
    private Transaction sale;
    private Transaction supplies;
    private Transaction split;
    private Transaction draft;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        pages = new LedgerPages(books.store);
        bakery = books.ukClient("Hill Street Bakery");
        Client other = books.ukClient("Acorn Joinery");
        rent = create(bakery, LocalDate.of(2025, 3, 1), "Harbour Lettings", "March rent", "-1200.00", "6000");
        sale = create(bakery, LocalDate.of(2025, 3, 5), "Café Blanc", "Wedding cake", "450.00", "4000");
        supplies = create(bakery, LocalDate.of(2025, 4, 2), "paper & co", "100%_recycled bags", "-35.50", "6100");
        AccountId bank = books.account(bakery.id(), "1000");
        Money total = Money.of("-300.00", "GBP");
        split = books.ledger.transactions().create(new Transaction(TransactionId.random(), bakery.id(),
                LocalDate.of(2025, 4, 10), "Zed Wholesale", "Flour and phone", bank, total, TransactionStatus.POSTED,
                List.of(Split.of(books.account(bakery.id(), "5000"), Money.of("-250.00", "GBP")),
                        Split.of(books.account(bakery.id(), "6600"), Money.of("-50.00", "GBP")))), TestBooks.USER)
                .transaction();
        draft = books.ledger.transactions().create(TestBooks.draft(new Transaction(TransactionId.random(), bakery.id(),
                LocalDate.of(2025, 4, 10), "Anchor Insurance", "", bank, Money.of("-80.00", "GBP"),
                TransactionStatus.POSTED, List.of(Split.of(books.account(bakery.id(), "6700"),
                        Money.of("-80.00", "GBP"))))), TestBooks.USER).transaction();
        create(other, LocalDate.of(2025, 3, 5), "Café Blanc", "Not the bakery's", "450.00", "4000");
    }

    private Transaction create(Client client, LocalDate date, String payee, String memo, String amount, String account) {
        Money money = Money.of(amount, "GBP");
        return books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(), date, payee, memo,
                books.account(client.id(), "1000"), money, TransactionStatus.POSTED,
                List.of(Split.of(books.account(client.id(), account), money))), TestBooks.USER).transaction();
    }

    @AfterEach
    void close() {
        books.close();
    }

    private List<TransactionId> ids(LedgerQuery query) {
        return pages.page(query, 0, 100).rows().stream().map(LedgerRow::id).toList();
    }

    @Test
    void wholeLedgerIsNewestFirstWithTheIdBreakingTiesAndCountsOnlyTheClient() {
        LedgerPage page = pages.page(LedgerQuery.of(bakery.id()), 0, 200);

        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(page.rows()).extracting(LedgerRow::date).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<TransactionId> sameDay = page.rows().subList(0, 2).stream().map(LedgerRow::id).toList();
        assertThat(sameDay).containsExactlyInAnyOrder(split.id(), draft.id());
        assertThat(sameDay.get(0).value()).isGreaterThan(sameDay.get(1).value());
        assertThat(page.rows().get(4).id()).isEqualTo(rent.id());
    }

    @Test
    void rowsCarryWhatTheTableShows() {
        LedgerRow row = pages.page(LedgerQuery.of(bakery.id()), 0, 10).rows().stream()
                .filter(r -> r.id().equals(split.id())).findFirst().orElseThrow();

        assertThat(row.payee()).isEqualTo("Zed Wholesale");
        assertThat(row.memo()).isEqualTo("Flour and phone");
        assertThat(row.mainAccount()).isEqualTo("Cost of goods sold");
        assertThat(row.total()).isEqualTo(Money.of("-300.00", "GBP"));
        assertThat(row.splitCount()).isEqualTo(2);
        assertThat(row.posted()).isTrue();
        assertThat(row.receiptLinked()).isFalse();
        assertThat(row.closed()).isFalse();
        assertThat(row.version()).isEqualTo(books.ledger.transactions().find(split.id()).orElseThrow().version());
        assertThat(pages.page(LedgerQuery.of(bakery.id()), 0, 10).rows()).filteredOn(r -> !r.posted())
                .extracting(LedgerRow::id).containsExactly(draft.id());
    }

    @Test
    void rowsOnOrBeforeTheClosingDateAreMarkedClosed() {
        books.ledger.clients().changeClosingDate(bakery.id(), Optional.of(LocalDate.of(2025, 3, 31)), TestBooks.USER);

        List<LedgerRow> rows = pages.page(LedgerQuery.of(bakery.id()), 0, 10).rows();

        assertThat(rows).filteredOn(LedgerRow::closed).extracting(LedgerRow::id).containsExactlyInAnyOrder(rent.id(), sale.id());
    }

    @Test
    void receiptLinkIsShown() throws Exception {
        Path file = dir.resolve("receipt.pdf");
        Files.write(file, "%PDF-1.4 receipt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var receipt = books.ledger.receipts().attach(bakery.id(), file, TestBooks.USER);
        books.ledger.receipts().link(receipt.id(), rent.id(), TestBooks.USER);

        assertThat(pages.page(LedgerQuery.of(bakery.id()), 0, 10).rows()).filteredOn(LedgerRow::receiptLinked)
                .extracting(LedgerRow::id).containsExactly(rent.id());
    }

    @Test
    void dateRangeIsInclusive() {
        LedgerQuery march = LedgerQuery.of(bakery.id()).between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5));

        assertThat(ids(march)).containsExactly(sale.id(), rent.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).between(LocalDate.of(2025, 4, 3), null)))
                .containsExactlyInAnyOrder(split.id(), draft.id());
        assertThat(pages.count(march)).isEqualTo(2);
    }

    @Test
    void accountMatchesAnySplitAndTheBankAccount() {
        assertThat(ids(LedgerQuery.of(bakery.id()).onAccount(books.account(bakery.id(), "6600"))))
                .containsExactly(split.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).onAccount(books.account(bakery.id(), "6000"))))
                .containsExactly(rent.id());
        assertThat(pages.count(LedgerQuery.of(bakery.id()).onAccount(books.account(bakery.id(), "1000")))).isEqualTo(5);
    }

    @Test
    void amountRangeComparesTotalsWithoutTheirSign() {
        assertThat(ids(LedgerQuery.of(bakery.id()).amountsBetween(8_000L, 45_000L).sortedBy(LedgerSort.AMOUNT, false)))
                .containsExactly(split.id(), draft.id(), sale.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).amountsBetween(-100_000L, null)))
                .containsExactly(rent.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).amountsBetween(null, 3_550L))).containsExactly(supplies.id());
    }

    @Test
    void textIsFoundInPayeeOrMemoIgnoringCaseAndLikeWildcardsAreLiteral() {
        assertThat(ids(LedgerQuery.of(bakery.id()).containing("CAFÉ"))).containsExactly(sale.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).containing("rent"))).containsExactly(rent.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).containing("100%_r"))).containsExactly(supplies.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).containing("%"))).containsExactly(supplies.id());
        assertThat(ids(LedgerQuery.of(bakery.id()).containing("  "))).hasSize(5);
    }

    @Test
    void filtersCombine() {
        LedgerQuery query = LedgerQuery.of(bakery.id()).between(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))
                .amountsBetween(5_000L, null).containing("w");

        assertThat(ids(query)).containsExactly(split.id());
    }

    @Test
    void sortsByPayeeAmountAndAccountBothWays() {
        LedgerQuery all = LedgerQuery.of(bakery.id());

        assertThat(pages.page(all.sortedBy(LedgerSort.PAYEE, false), 0, 10).rows()).extracting(LedgerRow::payee)
                .containsExactly("Anchor Insurance", "Café Blanc", "Harbour Lettings", "paper & co", "Zed Wholesale");
        assertThat(ids(all.sortedBy(LedgerSort.AMOUNT, false)))
                .containsExactly(rent.id(), split.id(), draft.id(), supplies.id(), sale.id());
        assertThat(ids(all.sortedBy(LedgerSort.AMOUNT, true)))
                .containsExactly(sale.id(), supplies.id(), draft.id(), split.id(), rent.id());
        assertThat(pages.page(all.sortedBy(LedgerSort.ACCOUNT, false), 0, 10).rows()).extracting(LedgerRow::mainAccount)
                .containsExactly("Cost of goods sold", "Insurance", "Office supplies", "Rent", "Sales");
        assertThat(pages.page(all.sortedBy(LedgerSort.ACCOUNT, true), 0, 10).rows()).extracting(LedgerRow::mainAccount)
                .containsExactly("Sales", "Rent", "Office supplies", "Insurance", "Cost of goods sold");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        LedgerQuery query = LedgerQuery.of(bakery.id()).sortedBy(LedgerSort.DATE, false);
        List<TransactionId> whole = ids(query);

        LedgerPage first = pages.page(query, 0, 2);
        List<LedgerRow> second = pages.rows(query, 2, 2);
        List<LedgerRow> last = pages.rows(query, 4, 2);

        assertThat(first.totalCount()).isEqualTo(5);
        assertThat(first.offset()).isZero();
        assertThat(java.util.stream.Stream.of(first.rows(), second, last).flatMap(List::stream).map(LedgerRow::id))
                .containsExactlyElementsOf(whole);
        assertThat(pages.rows(query, 10, 2)).isEmpty();
        assertThat(pages.rows(query, 0, 0)).isEmpty();
    }

    @Test
    void positionOfTellsWhereATransactionStandsOrThatItDoesNotMatch() {
        LedgerQuery query = LedgerQuery.of(bakery.id()).sortedBy(LedgerSort.DATE, false);

        assertThat(pages.positionOf(query, rent.id())).isZero();
        assertThat(pages.positionOf(query, supplies.id())).isEqualTo(2);
        assertThat(pages.positionOf(query.containing("cake"), supplies.id())).isEqualTo(-1);
        assertThat(pages.positionOf(query, TransactionId.random())).isEqualTo(-1);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        LedgerQuery all = LedgerQuery.of(bakery.id());

        assertThatThrownBy(() -> all.between(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("starts (2025-05-01) after it ends (2025-04-01)")
                .extracting(e -> ((DomainException) e).error()).isEqualTo(DomainError.OUT_OF_RANGE);
        assertThatThrownBy(() -> all.amountsBetween(5_000L, 100L)).isInstanceOf(DomainException.class)
                .hasMessageContaining("smallest amount is larger than the largest");
        assertThatThrownBy(() -> pages.page(all, 0, -1)).isInstanceOf(DomainException.class)
                .hasMessageContaining("not -1");
        assertThatThrownBy(() -> pages.rows(all, -5, 10)).isInstanceOf(DomainException.class)
                .hasMessageContaining("before the first row");
        assertThatThrownBy(() -> pages.page(all, 0, LedgerPages.MAX_LIMIT + 1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> pages.page(LedgerQuery.of(app.booksflow.model.id.ClientId.random()), 0, 10))
                .isInstanceOf(DomainException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> all.containing("x".repeat(201))).isInstanceOf(DomainException.class);
    }
}
