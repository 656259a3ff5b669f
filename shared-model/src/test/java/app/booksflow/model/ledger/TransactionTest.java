package app.booksflow.model.ledger;

import static app.booksflow.model.money.Currencies.EUR;
import static app.booksflow.model.money.Currencies.USD;
import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionTest {

    private final ClientId client = ClientId.random();
    private final AccountId bank = AccountId.random();
    private final AccountId supplies = AccountId.random();
    private final AccountId software = AccountId.random();
    private final AccountId vat = AccountId.random();
    private final TaxCode vat20 = new TaxCode(TaxCodeId.random(), client, "VAT20", "Standard rate", TaxRate.ofPercent("20"), vat);

    @Test
    void acceptsSplitsThatAddUpToTheTotal() {
        Transaction purchase = purchase(Money.ofMinor(-12000, EUR),
                Split.of(supplies, Money.ofMinor(-7000, EUR)), Split.of(software, Money.ofMinor(-5000, EUR)));

        assertThat(purchase.splits()).hasSize(2);
        assertThat(purchase.payee()).isEqualTo("Office World");
    }

    @Test
    void refusesSplitsThatDoNotAddUpAndSaysByHowMuch() {
        assertRefused(() -> purchase(Money.ofMinor(-10000, EUR), Split.of(supplies, Money.ofMinor(-9500, EUR))),
                DomainError.SPLITS_UNBALANCED)
                .hasMessageContaining("-95.00 EUR")
                .hasMessageContaining("-100.00 EUR")
                .hasMessageContaining("difference -5.00 EUR");
    }

    @Test
    void refusesASplitInAnotherCurrency() {
        assertRefused(() -> purchase(Money.ofMinor(-100, EUR), Split.of(supplies, Money.ofMinor(-100, USD))),
                DomainError.CURRENCY_MISMATCH).hasMessageContaining("Split 1");
    }

    @Test
    void refusesEmptyOrZeroOrSelfReferencingTransactions() {
        assertRefused(() -> purchase(Money.ofMinor(-100, EUR)), DomainError.REQUIRED);
        assertRefused(() -> purchase(Money.zero(EUR), Split.of(supplies, Money.ofMinor(1, EUR))), DomainError.INVALID_AMOUNT);
        assertRefused(() -> Split.of(supplies, Money.zero(EUR)), DomainError.INVALID_AMOUNT);
        assertRefused(() -> purchase(Money.ofMinor(-100, EUR), Split.of(bank, Money.ofMinor(-100, EUR))), DomainError.INVALID_STATE);
    }

    @Test
    void refusesABlankPayeeAndImplausibleDates() {
        assertRefused(() -> new Transaction(TransactionId.random(), client, LocalDate.of(2025, 1, 15), "  ", "", bank,
                Money.ofMinor(-100, EUR), TransactionStatus.DRAFT, List.of(Split.of(supplies, Money.ofMinor(-100, EUR)))),
                DomainError.REQUIRED).hasMessageContaining("payee");
        assertRefused(() -> new Transaction(TransactionId.random(), client, LocalDate.of(20250, 1, 15), "Shop", "", bank,
                Money.ofMinor(-100, EUR), TransactionStatus.DRAFT, List.of(Split.of(supplies, Money.ofMinor(-100, EUR)))),
                DomainError.OUT_OF_RANGE);
    }

    @Test
    void postsADoubleEntryWithTheTaxOnItsOwnAccount() {
        Transaction purchase = purchase(Money.ofMinor(-12000, EUR),
                Split.of(supplies, Money.ofMinor(-12000, EUR), vat20.id()));

        List<Posting> postings = purchase.postings(Map.of(vat20.id(), vat20)::get);

        assertThat(postings).containsExactly(
                new Posting(bank, Money.ofMinor(-12000, EUR)),
                new Posting(vat, Money.ofMinor(2000, EUR)),
                new Posting(supplies, Money.ofMinor(10000, EUR)));
    }

    private Transaction purchase(Money total, Split... splits) {
        return new Transaction(TransactionId.random(), client, LocalDate.of(2025, 3, 14), " Office World ", "",
                bank, total, TransactionStatus.POSTED, List.of(splits));
    }
}
