package app.booksflow.model.money;

import static app.booksflow.model.money.Currencies.BHD;
import static app.booksflow.model.money.Currencies.EUR;
import static app.booksflow.model.money.Currencies.JPY;
import static app.booksflow.model.money.Currencies.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static app.booksflow.model.DomainAssertions.assertRefused;

import app.booksflow.model.DomainError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            JPY, 1234,    1234,    1234
            EUR, 12.34,   1234,    12.34
            EUR, 12.3,    1230,    12.30
            BHD, 1.234,   1234,    1.234
            USD, -0.01,   -1,      -0.01
            EUR, 12.3400, 1234,    12.34
            """)
    void keepsTheMinorUnitsOfEachCurrency(String code, String text, long minor, String shown) {
        Money money = Money.of(new BigDecimal(text), Currencies.of(code));

        assertThat(money.minorUnits()).isEqualTo(minor);
        assertThat(money.amount().toPlainString()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            JPY, 12.5
            EUR, 12.345
            BHD, 1.2345
            """)
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding(String code, String text) {
        assertRefused(() -> Money.of(new BigDecimal(text), Currencies.of(code)), DomainError.TOO_MANY_DECIMALS)
                .hasMessageContaining(code);
    }

    @Test
    void roundsOnlyWhenToldHow() {
        assertThat(Money.of(new BigDecimal("2.345"), EUR, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofMinor(234, EUR));
        assertThat(Money.of(new BigDecimal("2.355"), EUR, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofMinor(236, EUR));
        assertThat(Money.of(new BigDecimal("2.345"), EUR, RoundingMode.HALF_UP)).isEqualTo(Money.ofMinor(235, EUR));
    }

    @Test
    void refusesAdditionThatWouldOverflow() {
        Money almostMax = Money.ofMinor(Long.MAX_VALUE - 1, EUR);

        assertRefused(() -> almostMax.plus(Money.ofMinor(2, EUR)), DomainError.AMOUNT_OVERFLOW);
        assertRefused(() -> Money.ofMinor(Long.MIN_VALUE, EUR).negate(), DomainError.AMOUNT_OVERFLOW);
        assertRefused(() -> almostMax.times(2), DomainError.AMOUNT_OVERFLOW);
    }

    @Test
    void refusesAmountsTooLargeToBook() {
        assertRefused(() -> Money.of(new BigDecimal("1E+30"), EUR), DomainError.AMOUNT_OVERFLOW);
        assertRefused(() -> Money.of(new BigDecimal("123456789012345678901"), JPY), DomainError.AMOUNT_OVERFLOW);
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = Money.ofMinor(100, EUR);
        Money dollars = Money.ofMinor(100, USD);

        assertRefused(() -> euros.plus(dollars), DomainError.CURRENCY_MISMATCH).hasMessageContaining("1.00 USD");
        assertRefused(() -> euros.compareTo(dollars), DomainError.CURRENCY_MISMATCH);
        assertThat(euros).isNotEqualTo(dollars);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            EUR, 100.00, 20,    20.00
            EUR, 0.25,   20,    0.05
            EUR, 0.25,   10,    0.02
            EUR, 0.35,   10,    0.04
            EUR, 0.63,   20,    0.13
            USD, 19.99,  8.875, 1.77
            JPY, 1001,   10,    100
            BHD, 10.005, 10,    1.000
            """)
    void taxOnANetAmountRoundsHalfEven(String code, String net, String percent, String tax) {
        Currency currency = Currencies.of(code);
        Money amount = Money.of(new BigDecimal(net), currency, RoundingMode.UNNECESSARY);

        assertThat(amount.taxOnNet(TaxRate.ofPercent(percent))).isEqualTo(Money.of(new BigDecimal(tax), currency));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            EUR, 120.00, 20, 20.00
            EUR, 10.00,  19, 1.60
            GBP, 0.03,   20, 0.00
            GBP, 0.09,   20, 0.02
            JPY, 1100,   10, 100
            """)
    void taxInAGrossAmountRoundsHalfEven(String code, String gross, String percent, String tax) {
        Currency currency = Currencies.of(code);

        assertThat(Money.of(new BigDecimal(gross), currency).taxInGross(TaxRate.ofPercent(percent)))
                .isEqualTo(Money.of(new BigDecimal(tax), currency));
    }

    @Test
    void dividesWithTheRoundingAskedFor() {
        Money hundred = Money.ofMinor(10000, EUR);

        assertThat(hundred.dividedBy(3, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofMinor(3333, EUR));
        assertThat(hundred.dividedBy(3, RoundingMode.UP)).isEqualTo(Money.ofMinor(3334, EUR));
        assertThat(Money.ofMinor(5, EUR).dividedBy(2, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofMinor(2, EUR));
        assertRefused(() -> hundred.dividedBy(0, RoundingMode.HALF_EVEN), DomainError.INVALID_AMOUNT);
    }

    @Test
    void allocatesWithoutLosingACent() {
        assertThat(Money.ofMinor(10000, EUR).allocate(1, 1, 1))
                .containsExactly(Money.ofMinor(3334, EUR), Money.ofMinor(3333, EUR), Money.ofMinor(3333, EUR));
        assertThat(Money.ofMinor(-5, EUR).allocate(1, 1))
                .containsExactly(Money.ofMinor(-3, EUR), Money.ofMinor(-2, EUR));
        assertThat(Money.ofMinor(100, JPY).allocate(0, 1, 2))
                .containsExactly(Money.ofMinor(0, JPY), Money.ofMinor(33, JPY), Money.ofMinor(67, JPY));
        assertThat(Money.ofMinor(101, EUR).allocate(50, 25, 25))
                .containsExactly(Money.ofMinor(51, EUR), Money.ofMinor(25, EUR), Money.ofMinor(25, EUR));
        assertRefused(() -> Money.ofMinor(100, EUR).allocate(0, 0), DomainError.OUT_OF_RANGE);
        assertRefused(() -> Money.ofMinor(100, EUR).allocate(1, -1), DomainError.OUT_OF_RANGE);
    }

    @Test
    void parsesPlainDecimalsAndExplainsWhatIsWrong() {
        assertThat(Money.of("-1234.5", "eur")).isEqualTo(Money.ofMinor(-123450, EUR));
        assertRefused(() -> Money.of("12,50", "EUR"), DomainError.INVALID_AMOUNT).hasMessageContaining("1234.56");
        assertRefused(() -> Money.of("1e3", "EUR"), DomainError.INVALID_AMOUNT);
        assertRefused(() -> Money.of(" ", "EUR"), DomainError.REQUIRED);
        assertRefused(() -> Money.of("1.00", "EURO"), DomainError.UNKNOWN_CURRENCY).hasMessageContaining("ISO 4217");
        assertRefused(() -> Money.of("1.00", "XAU"), DomainError.UNKNOWN_CURRENCY).hasMessageContaining("no minor unit");
    }

    @Test
    void comparesAndShowsItselfForLogs() {
        assertThat(Money.ofMinor(1, BHD).toString()).isEqualTo("0.001 BHD");
        assertThat(Money.ofMinor(-1, EUR)).isLessThan(Money.zero(EUR));
        assertThat(Money.ofMinor(-250, EUR).abs()).isEqualTo(Money.ofMinor(250, EUR));
    }

}
