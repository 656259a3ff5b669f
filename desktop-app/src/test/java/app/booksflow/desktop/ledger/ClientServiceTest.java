package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static app.booksflow.desktop.support.TestBooks.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceTest {

    @TempDir
    Path dir;
    private TestBooks books;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void aNewUkClientGetsTheSmallBusinessChartAndVatCodesForSalesAndPurchases() {
        Client client = books.ukClient("Hill Street Bakery");

        assertThat(books.ledger.accounts().chart(client.id()).accounts())
                .hasSize(ChartTemplate.smallBusiness().entries().size());
        assertThat(books.ledger.taxCodes().list(client.id())).extracting(TaxCode::code)
                .containsExactlyInAnyOrder("VAT0-P", "VAT0-S", "VAT20-P", "VAT20-S", "VAT5-P", "VAT5-S");
        TaxCode sales = books.ledger.taxCodes().list(client.id()).stream().filter(c -> c.code().equals("VAT20-S"))
                .findFirst().orElseThrow();
        assertThat(sales.rate()).isEqualTo(TaxRate.ofPercent("20"));
        assertThat(sales.taxAccount()).isEqualTo(books.account(client.id(), "2200"));
    }

    @Test
    void aUsClientStartsWithoutTaxCodesBecauseSalesTaxDependsOnTheState() {
        books.ledger.practice().setUp("Harper & Lowe", USER);
        Client client = books.ledger.clients().create(
                new NewClient("Kim Plumbing LLC", Currencies.USD, MonthDay.of(1, 1), "us"), USER);

        assertThat(books.ledger.taxCodes().list(client.id())).isEmpty();
        assertThat(client.baseCurrency()).isEqualTo(Currencies.USD);
    }

    @Test
    void refusesAClientBeforeThePracticeIsSetUp() {
        assertThatThrownBy(() -> books.ledger.clients().create(
                new NewClient("Too Early Ltd", Currencies.GBP, MonthDay.of(4, 1), "GB"), USER))
                .hasMessage("Set up the practice before taking on clients.");
    }

    @Test
    void refusesASecondClientOfTheSameName() {
        books.ukClient("Hill Street Bakery");

        assertThatThrownBy(() -> books.ukClient("hill street bakery"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.DUPLICATE));
    }

    @Test
    void listsClientsByName() {
        books.ukClient("Zebra Crossing Ltd");
        books.ukClient("apple & pear");
        books.ukClient("Mango Ltd");

        assertThat(books.ledger.clients().list()).extracting(Client::name)
                .containsExactly("apple & pear", "Mango Ltd", "Zebra Crossing Ltd");
    }

    @Test
    void closingTheBooksLeavesTheDashboardsAsTheyWere() {
        Client client = books.ukClient("Hill Street Bakery");
        books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 3, 2), "120.00"), USER);
        DashboardSnapshot before = DashboardSnapshot.of(books.store);

        Client closed = books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);

        assertThat(closed.closingDate()).contains(LocalDate.of(2025, 3, 31));
        assertThat(DashboardSnapshot.of(books.store)).isEqualTo(before);
    }

    @Test
    void refusesToCloseAPeriodThatStillHoldsDrafts() {
        Client client = books.ukClient("Hill Street Bakery");
        books.ledger.transactions().create(draft(books.sale(client, LocalDate.of(2025, 3, 2), "120.00")), USER);

        assertThatThrownBy(() -> books.ledger.clients().changeClosingDate(client.id(),
                Optional.of(LocalDate.of(2025, 3, 31)), USER))
                .hasMessage("1 draft transaction is dated on or before 2025-03-31; post or delete it before closing the books.");
        assertThat(books.closingDate(client.id())).isEmpty();
    }

    @Test
    void reopeningLetsThePeriodBeChangedAgain() {
        Client client = books.ukClient("Hill Street Bakery");
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);

        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 2, 28)), USER);

        assertThat(books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 3, 15), "1.00"), USER))
                .isNotNull();
        assertThat(books.closingDate(client.id())).contains(LocalDate.of(2025, 2, 28));
    }

    @Test
    void addsAndRenamesAccountsButRefusesATakenCode() {
        Client client = books.ukClient("Hill Street Bakery");

        var added = books.ledger.accounts().create(client.id(), "6150", "Packaging", AccountType.EXPENSE, USER);
        var renamed = books.ledger.accounts().rename(added.id(), "Packaging and labels", USER);

        assertThat(books.ledger.accounts().chart(client.id()).byCode("6150")).contains(renamed);
        assertThatThrownBy(() -> books.ledger.accounts().create(client.id(), "6150", "Again", AccountType.EXPENSE, USER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(DomainError.DUPLICATE));
    }

    @Test
    void addsATaxCodeBookedToATaxAccountOnly() {
        Client client = books.ukClient("Hill Street Bakery");

        TaxCode reduced = books.ledger.taxCodes().create(client.id(), "VAT12.5-S", "VAT 12.5 % on sales",
                TaxRate.ofPercent("12.5"), books.account(client.id(), "2200"), USER);

        assertThat(books.ledger.taxCodes().list(client.id())).contains(reduced);
        assertThatThrownBy(() -> books.ledger.taxCodes().create(client.id(), "BAD", "Booked to sales",
                TaxRate.ofPercent("10"), books.account(client.id(), "4000"), USER))
                .hasMessageContaining("not to 4000 Sales");
    }
}
