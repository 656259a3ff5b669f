package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewCountTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void fieldsLeftAsReadAreAcceptedAndCorrectedOnesOnlyReviewed() {
        ExtractedFields read = fields("Offce World", "120.00", Currencies.GBP, Optional.of(Currencies.GBP));
        ExtractedFields confirmed = fields("Office World", "120.00", Currencies.GBP, Optional.of(Currencies.GBP));

        assertThat(ReviewCount.of(read, confirmed)).containsExactly(4, 3);
    }

    @Test
    void theAmountsCurrencyConfirmedWhereNoCurrencyWasReadIsAccepted() {
        ExtractedFields read = fields("Office World", "120.00", Currencies.GBP, Optional.empty());
        ExtractedFields confirmed = fields("Office World", "120.00", Currencies.GBP, Optional.of(Currencies.GBP));

        assertThat(ReviewCount.of(read, confirmed)).containsExactly(4, 4);
    }

    @Test
    void anotherCurrencyConfirmedWhereNoneWasReadIsACorrection() {
        ExtractedFields read = fields("Office World", "120.00", Currencies.GBP, Optional.empty());
        ExtractedFields confirmed = fields("Office World", "120.00", EUR, Optional.of(EUR));

        assertThat(ReviewCount.of(read, confirmed)).containsExactly(4, 2);
    }

    @Test
    void noCurrencyReadAndNoneConfirmedIsNotReviewed() {
        ExtractedFields read = fields("Office World", "120.00", Currencies.GBP, Optional.empty());

        assertThat(ReviewCount.of(read, read)).containsExactly(3, 3);
    }

    @Test
    void nothingReadAndNothingConfirmedIsNotReviewed() {
        ExtractedFields vendorOnly = new ExtractedFields(Optional.of(Extracted.of("Office World", 80)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(ReviewCount.of(vendorOnly, vendorOnly)).containsExactly(1, 1);
    }

    private static ExtractedFields fields(String vendor, String total, Currency amounts, Optional<Currency> currency) {
        return new ExtractedFields(Optional.of(Extracted.of(vendor, 70)),
                Optional.of(Extracted.of(LocalDate.of(2025, 3, 1), 95)),
                Optional.of(Extracted.of(Money.of(total, amounts.getCurrencyCode()), 91)), Optional.empty(),
                currency.map(code -> Extracted.of(code, 99)));
    }
}
