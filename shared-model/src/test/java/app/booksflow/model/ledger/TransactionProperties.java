package app.booksflow.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Split balancing and the double entry, for random splits, tax rates and currencies. */
class TransactionProperties {

    private final ClientId client = ClientId.random();
    private final AccountId bank = AccountId.random();
    private final AccountId taxAccount = AccountId.random();

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "BHD").map(Currency::getInstance);
    }

    @Property
    void splitsThatAddUpAreAcceptedAndPostABalancedEntry(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = -100_000_000L, max = 100_000_000L) Long> amounts,
            @ForAll @IntRange(min = 0, max = 250_000) int rateTenThousandths, @ForAll("currencies") Currency currency) {
        List<Long> nonZero = amounts.stream().filter(a -> a != 0).toList();
        long total = nonZero.stream().mapToLong(Long::longValue).sum();
        if (nonZero.isEmpty() || total == 0) {
            return;
        }
        TaxCode taxCode = new TaxCode(TaxCodeId.random(), client, "T", "Tax",
                new TaxRate(BigDecimal.valueOf(rateTenThousandths, 4)), taxAccount);
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < nonZero.size(); i++) {
            Optional<TaxCodeId> code = i % 2 == 0 ? Optional.of(taxCode.id()) : Optional.empty();
            splits.add(new Split(AccountId.random(), Money.ofMinor(nonZero.get(i), currency), code, ""));
        }

        Transaction transaction = transaction(Money.ofMinor(total, currency), splits);
        List<Posting> postings = transaction.postings(id -> id.equals(taxCode.id()) ? taxCode : null);

        assertThat(Money.sum(postings.stream().map(Posting::amount).toList(), currency).isZero()).isTrue();
        assertThat(postings).allSatisfy(p -> assertThat(p.amount().isZero()).isFalse());
    }

    @Property
    void splitsThatDoNotAddUpAreRefused(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 1, max = 100_000_000L) Long> amounts,
            @ForAll @LongRange(min = -1_000_000L, max = 1_000_000L) long difference, @ForAll("currencies") Currency currency) {
        if (difference == 0) {
            return;
        }
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        List<Split> splits = amounts.stream().map(a -> Split.of(AccountId.random(), Money.ofMinor(a, currency))).toList();
        Money wrongTotal = Money.ofMinor(sum + difference, currency);
        if (wrongTotal.isZero()) {
            return;
        }

        assertThatThrownBy(() -> transaction(wrongTotal, splits))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.SPLITS_UNBALANCED));
    }

    @Property
    void aSplitInAnotherCurrencyIsRefused(@ForAll @LongRange(min = 1, max = 1_000_000L) long amount) {
        List<Split> splits = List.of(Split.of(AccountId.random(), Money.ofMinor(amount, Currency.getInstance("EUR"))));

        assertThatThrownBy(() -> transaction(Money.ofMinor(amount, Currency.getInstance("USD")), splits))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.CURRENCY_MISMATCH));
    }

    @Property
    void splitsWhoseSumOverflowsAreRefused(@ForAll @LongRange(min = Long.MAX_VALUE / 2 + 1) long big) {
        Currency eur = Currency.getInstance("EUR");
        List<Split> splits = List.of(Split.of(AccountId.random(), Money.ofMinor(big, eur)),
                Split.of(AccountId.random(), Money.ofMinor(big, eur)));

        assertThatThrownBy(() -> transaction(Money.ofMinor(1, eur), splits))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.AMOUNT_OVERFLOW));
    }

    private Transaction transaction(Money total, List<Split> splits) {
        return new Transaction(TransactionId.random(), client, LocalDate.of(2025, 6, 30), "Payee", "", bank, total,
                TransactionStatus.POSTED, splits);
    }
}
