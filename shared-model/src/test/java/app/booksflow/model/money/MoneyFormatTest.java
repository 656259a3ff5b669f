package app.booksflow.model.money;

import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de-DE | EUR | 1.234,56      | 123456
            de-DE | EUR | 1234,56       | 123456
            de-DE | EUR | -1.234,5      | -123450
            de-DE | EUR | 1.234,56 €    | 123456
            de-DE | EUR | 1.234         | 123400
            en-US | USD | 1,234.56      | 123456
            en-US | USD | $1,234.56     | 123456
            en-US | USD | -$1,234.56    | -123456
            en-US | USD | ($1,234.56)   | -123456
            en-US | USD | USD 1234      | 123400
            en-US | USD | 1,234,567.89  | 123456789
            en-GB | GBP | £0.99         | 99
            fr-FR | EUR | 1 234,56      | 123456
            de-CH | CHF | 1'234.50      | 123450
            en-IN | INR | 1,23,456.78   | 12345678
            ja-JP | JPY | ￥1,234        | 1234
            en-US | BHD | 1,234.567     | 1234567
            """)
    void readsAmountsAsPeopleOfTheLocaleWriteThem(String tag, String code, String text, long minor) {
        Money money = MoneyFormat.of(Locale.forLanguageTag(tag)).parse(text, Currencies.of(code));

        assertThat(money.minorUnits()).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de-DE | EUR | 1234.56       | INVALID_AMOUNT
            de-DE | EUR | 1.23.4        | INVALID_AMOUNT
            en-US | USD | 1,23.45       | INVALID_AMOUNT
            en-US | USD | 12.345        | TOO_MANY_DECIMALS
            en-US | USD | 12.           | INVALID_AMOUNT
            en-US | USD | .5            | INVALID_AMOUNT
            en-US | USD | 12abc         | INVALID_AMOUNT
            en-US | USD | --12          | INVALID_AMOUNT
            en-US | USD | (-12)         | INVALID_AMOUNT
            en-US | JPY | 12.5          | TOO_MANY_DECIMALS
            en-US | USD | 99999999999999999999 | AMOUNT_OVERFLOW
            """)
    void refusesWhatItCannotReadWithoutGuessing(String tag, String code, String text, DomainError error) {
        MoneyFormat format = MoneyFormat.of(Locale.forLanguageTag(tag));

        assertRefused(() -> format.parse(text, Currencies.of(code)), error);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de-DE | EUR | 123456   | 1.234,56
            en-US | USD | 123456   | 1,234.56
            en-US | USD | -5       | -0.05
            en-US | JPY | 123456   | 123,456
            en-US | BHD | 1234567  | 1,234.567
            """)
    void formatsTheNumberWithTheCurrencysDecimals(String tag, String code, long minor, String expected) {
        String text = MoneyFormat.of(Locale.forLanguageTag(tag)).formatAmount(Money.ofMinor(minor, Currencies.of(code)));

        assertThat(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de-DE | EUR | 123456
            en-US | USD | -123456
            fr-FR | EUR | 99999999
            en-GB | GBP | 1
            ja-JP | JPY | 1234567
            """)
    void readsBackWhatItShows(String tag, String code, long minor) {
        MoneyFormat format = MoneyFormat.of(Locale.forLanguageTag(tag));
        Money money = Money.ofMinor(minor, Currencies.of(code));

        assertThat(format.parse(format.format(money), money.currency())).isEqualTo(money);
        assertThat(format.parse(format.formatAmount(money), money.currency())).isEqualTo(money);
    }
}
