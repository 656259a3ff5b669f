package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the total is chosen among candidates, and how sure the choice is. */
class CrossCheckTest {

    private static TotalReader.Result read(String text) {
        return TotalReader.read(Arrays.asList(text.strip().split("\n")), Currencies.GBP);
    }

    private static String total(TotalReader.Result result) {
        return result.total().map(Extracted::value).map(Money::toString).orElse("none");
    }

    private static int confidence(TotalReader.Result result) {
        return result.total().orElseThrow().confidence().percent();
    }

    @Test
    void aLabelledTotalWithNothingToCheckItAgainstIsFairlySure() {
        TotalReader.Result result = read("TOTAL 12.34");

        assertThat(total(result)).isEqualTo("12.34 GBP");
        assertThat(confidence(result)).isBetween(70, 85);
    }

    @Test
    void subtotalPlusTaxAgreeingRaisesTheConfidence() {
        TotalReader.Result result = read("""
                SUBTOTAL 10.00
                VAT 20% 2.00
                TOTAL 12.00
                """);

        assertThat(total(result)).isEqualTo("12.00 GBP");
        assertThat(confidence(result)).isGreaterThanOrEqualTo(90);
        assertThat(result.tax().orElseThrow().confidence().percent()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void cashMinusChangeAgreeingRaisesTheConfidence() {
        TotalReader.Result result = read("""
                TOTAL 7.45
                CASH 10.00
                CHANGE 2.55
                """);

        assertThat(total(result)).isEqualTo("7.45 GBP");
        assertThat(confidence(result)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void theSumOfTheItemsAgreeingRaisesTheConfidence() {
        TotalReader.Result result = read("""
                Coffee 3.50
                Bagel 2.25
                Juice 1.70
                TOTAL 7.45
                """);

        assertThat(total(result)).isEqualTo("7.45 GBP");
        assertThat(confidence(result)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void checksThatAllDisagreeLowerTheConfidence() {
        TotalReader.Result result = read("""
                Coffee 3.50
                Bagel 2.25
                TOTAL 9.99
                """);

        assertThat(total(result)).isEqualTo("9.99 GBP");
        assertThat(confidence(result)).isLessThan(60);
    }

    @Test
    void theAmountPaidDecidesBetweenACheckTotalAndTheTotalWithTheTip() {
        TotalReader.Result result = read("""
                SUBTOTAL 40.00
                Sales Tax 3.20
                Check Total 43.20
                Gratuity 8.00
                GRAND TOTAL 51.20
                AMEX 51.20
                """);

        assertThat(total(result)).isEqualTo("51.20 GBP");
        assertThat(confidence(result)).isGreaterThanOrEqualTo(85);
    }

    @Test
    void aServiceChargeCountsInTheSum() {
        TotalReader.Result result = read("""
                SUB TOTAL 100.00
                Service Charge 10% 10.00
                GST 9% 9.90
                TOTAL 119.90
                """);

        assertThat(total(result)).isEqualTo("119.90 GBP");
        assertThat(confidence(result)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void subtotalsSavingsItemCountsAndTotalTaxAreNotTheTotal() {
        TotalReader.Result result = read("""
                SUBTOTAL 20.00
                TOTAL SAVINGS 3.00
                TOTAL ITEMS 4
                TOTAL TAX 1.40
                TOTAL 21.40
                """);

        assertThat(total(result)).isEqualTo("21.40 GBP");
        assertThat(result.tax().orElseThrow().value()).isEqualTo(Money.of("1.40", "GBP"));
    }

    @Test
    void withoutAnyTotalLabelTheLargestAmountIsAGuess() {
        TotalReader.Result result = read("""
                Coffee 3.50
                Tea 2.10
                Card 5.60
                """);

        assertThat(total(result)).isEqualTo("5.60 GBP");
        assertThat(confidence(result)).as("found by the card payment only").isLessThan(75);
    }

    @Test
    void severalTaxLinesAreAddedUp() {
        TotalReader.Result result = read("""
                Subtotal 100.00
                GST 5% 5.00
                PST 7% 7.00
                TOTAL 112.00
                """);

        assertThat(result.tax().orElseThrow().value()).isEqualTo(Money.of("12.00", "GBP"));
        assertThat(result.tax().orElseThrow().confidence().percent()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void aTaxTableRowGivesItsTaxColumn() {
        TotalReader.Result result = read("""
                SUMME 112,91
                MwSt Netto Steuer Brutto
                A 19% 94,88 18,03 112,91
                """);

        assertThat(result.tax().orElseThrow().value()).isEqualTo(Money.of("18.03", "GBP"));
    }

    @Test
    void aTaxIncludedInTheTotalIsCheckedByItsRate() {
        TotalReader.Result result = read("""
                TOTAL 5.70
                VAT 20% 0.95
                """);

        assertThat(result.tax().orElseThrow().value()).isEqualTo(Money.of("0.95", "GBP"));
        assertThat(result.tax().orElseThrow().confidence().percent()).isGreaterThanOrEqualTo(90);
        assertThat(confidence(result)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void aTaxWhoseDecimalPointWasLostIsTakenOnlyWhenItsRateConfirmsIt() {
        TotalReader.Result confirmed = read("""
                BALANCE DUE £28.28
                VAT @ 20% 471
                """);
        TotalReader.Result unconfirmed = read("""
                BALANCE DUE £28.28
                VAT @ 20% 512
                """);

        assertThat(confirmed.tax().orElseThrow().value()).isEqualTo(Money.of("4.71", "GBP"));
        assertThat(unconfirmed.tax()).isEmpty();
    }

    @Test
    void aLabelAndItsAmountOnSeparateLinesStillGoTogether() {
        TotalReader.Result result = read("""
                TOTAL
                £12.34
                """);

        assertThat(total(result)).isEqualTo("12.34 GBP");
    }

    @Test
    void phoneCardReceiptNumbersTimesAndQuantitiesAreNeverTheTotal() {
        TotalReader.Result result = read("""
                Tel 020 7946 0958
                Receipt No. 004512 Till 3
                14:32
                2 x Coffee 3.50 7.00
                Qty 12
                TOTAL 7.00
                VISA ************4417
                Auth code 481937
                """);

        assertThat(total(result)).isEqualTo("7.00 GBP");
    }

    @Test
    void labelsMisreadWithDigitsAreStillLabels() {
        assertThat(LineKind.of("T0TAL 12.00")).isEqualTo(LineKind.TOTAL);
        assertThat(LineKind.of("SUBT0TAL 10.00")).isEqualTo(LineKind.SUBTOTAL);
        assertThat(LineKind.of("MwsSt 19% 1,60")).isEqualTo(LineKind.TAX);
    }

    @Test
    void eachCountrysLabelsAreKnown() {
        List.of("TOTAL", "AMOUNT DUE", "GRAND TOTAL", "BALANCE DUE", "TOTAL TTC", "SUMME", "BETRAG", "Zu zahlen",
                "NET A PAYER", "Total incl. VAT").forEach(label ->
                assertThat(LineKind.of(label + " 1.00").isTotal()).as(label).isTrue());
        List.of("VAT 20%", "GST", "Sales Tax", "Tax", "MwSt 19%", "USt 7%", "TVA 5,5%", "IVA 21%", "HST", "PST",
                "GST included in total", "Total includes GST").forEach(label ->
                assertThat(LineKind.of(label + " 1.00")).as(label).isIn(LineKind.TAX, LineKind.TAX_TOTAL));
        List.of("SUBTOTAL", "Sub-total", "Zwischensumme", "Sous-total", "Total HT", "Net total").forEach(label ->
                assertThat(LineKind.of(label + " 1.00")).as(label).isEqualTo(LineKind.SUBTOTAL));
    }
}
