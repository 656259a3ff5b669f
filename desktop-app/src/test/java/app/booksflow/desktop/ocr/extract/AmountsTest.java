package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            TOTAL 1,234.56      | 2 | 1234.56
            SUMME 1.234,56      | 2 | 1234.56
            TOTAL 1 234,56 €    | 2 | 1234.56
            Total 12,50 €       | 2 | 12.50
            TOTAL $12.50        | 2 | 12.50
            TOTAL ¥1,200        | 0 | 1200
            TOTAL ¥1.200        | 0 | 1200
            Total CHF 1'234.50  | 2 | 1234.50
            TOTAL 1O.5O         | 2 | 10.50
            TOTAL l2.50         | 2 | 12.50
            TOTAL $S.99         | 2 | 5.99
            TOTAL 12 .50        | 2 | 12.50
            TOTAL 12. 50        | 2 | 12.50
            VAT 20% @.82        | 2 | 0.82
            Total ¥38 ,530      | 0 | 38530
            Discount -1.50      | 2 | -1.50
            Discount 1.50-      | 2 | -1.50
            """)
    void readsTheAmountAtTheEndOfTheLine(String line, int digits, BigDecimal expected) {
        assertThat(Amounts.find(line, digits)).last().extracting(Amounts.Token::value)
                .satisfies(value -> assertThat(value).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Tel 020 7946 0958
            VISA ************4417
            Card No: XXXX XXXX XXXX 1024
            15/01/2025 14:32
            2025-01-15
            Auth code 4821937
            VAT 20%
            """)
    void findsNoMoneyInDistractors(String line) {
        assertThat(Amounts.find(line, 2)).noneMatch(Amounts.Token::decimals);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TOTAL
            SUBTOTAL
            SALES TAX
            """)
    void lettersOfWordsAreNotReadAsDigits(String line) {
        assertThat(Amounts.fixSlips(line)).isEqualTo(line);
    }
}
