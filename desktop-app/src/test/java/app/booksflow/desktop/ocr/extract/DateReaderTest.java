package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.receipt.Extracted;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);

    private static Optional<Extracted<LocalDate>> read(Locale locale, String... lines) {
        return DateReader.read(List.of(lines), locale, TODAY);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            15/01/2025          | en-GB | 2025-01-15
            01/15/2025          | en-US | 2025-01-15
            2025-01-15          | en-US | 2025-01-15
            2025/01/15          | ja-JP | 2025-01-15
            15.01.2025          | de-DE | 2025-01-15
            15-01-25            | en-GB | 2025-01-15
            15.01.25            | de-DE | 2025-01-15
            15 Jan 2025         | en-GB | 2025-01-15
            Jan 15, 2025        | en-US | 2025-01-15
            January 15th, 2025  | en-US | 2025-01-15
            15-JAN-25           | en-AU | 2025-01-15
            15 janv. 2025       | fr-FR | 2025-01-15
            15. März 2025       | de-DE | 2025-03-15
            3 Mai 2025          | de-DE | 2025-05-03
            2025年1月15日        | ja-JP | 2025-01-15
            25/01/15            | ja-JP | 2025-01-15
            12-05-2025 13:05    | en-SG | 2025-05-12
            """)
    void readsTheFormatsReceiptsUse(String text, String locale, LocalDate expected) {
        assertThat(read(Locale.forLanguageTag(locale), "CORNER CAFE", "Date " + text).map(Extracted::value))
                .contains(expected);
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            03/04/2025 | en-US | 2025-03-04
            03/04/2025 | en-GB | 2025-04-03
            03/04/2025 | en-AU | 2025-04-03
            03.04.2025 | de-DE | 2025-04-03
            03/04/2025 | fr-FR | 2025-04-03
            """)
    void theClientsCountryOrdersDayAndMonthWhenBothCouldBeEither(String text, String locale, LocalDate expected) {
        Extracted<LocalDate> date = read(Locale.forLanguageTag(locale), text).orElseThrow();

        assertThat(date.value()).isEqualTo(expected);
        assertThat(date.confidence().percent()).as("a guess by the locale").isLessThan(75);
    }

    @Test
    void aDayAbove12DecidesTheOrderWhateverTheCountry() {
        Extracted<LocalDate> date = read(Locale.US, "Date 25/03/2025").orElseThrow();

        assertThat(date.value()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(date.confidence().percent()).isGreaterThanOrEqualTo(85);
    }

    @Test
    void aReadingInTheFutureIsDroppedForTheOtherOrder() {
        // 06/12/2025 would be 6 December in the UK: after the reference day, so 12 June it is.
        assertThat(read(Locale.UK, "06/12/2025").map(Extracted::value)).contains(LocalDate.of(2025, 6, 12));
    }

    @Test
    void datesLongBeforeTheReferenceDayOrAfterItAreNotTaken() {
        assertThat(read(Locale.UK, "Member since 01/02/2011")).isEmpty();
        assertThat(read(Locale.UK, "Draw on 15/09/2025")).isEmpty();
    }

    @Test
    void theDateBesideADateLabelWinsOverADueDate() {
        assertThat(read(Locale.UK, "Invoice No: INV-2025-1088", "Due date: 30/06/2025", "Invoice date: 01/06/2025",
                "Payment due: 30/06/2025").map(Extracted::value)).contains(LocalDate.of(2025, 6, 1));
        assertThat(read(Locale.GERMANY, "Rechnungsdatum: 31.05.2025", "Fällig am: 15.06.2025").map(Extracted::value))
                .contains(LocalDate.of(2025, 5, 31));
    }

    @Test
    void aCardExpiryIsNoDate() {
        assertThat(read(Locale.UK, "VISA ************4417 EXP 12/27", "15/01/2025 14:02").map(Extracted::value))
                .contains(LocalDate.of(2025, 1, 15));
    }

    @Test
    void timesAndAmountsAreNotReadAsDates() {
        assertThat(read(Locale.UK, "14:32:05", "TOTAL 12.50", "Qty 3", "Tel 020 7946 0958")).isEmpty();
    }

    @Test
    void zerosReadAsLettersAreRepaired() {
        assertThat(read(Locale.UK, "@8/03/2025 14:01").map(Extracted::value)).contains(LocalDate.of(2025, 3, 8));
        assertThat(read(Locale.US, "Q1/01/23 12:46 PM").map(Extracted::value)).contains(LocalDate.of(2023, 1, 1));
    }

    @Test
    void twoDifferentDatesLowerTheConfidence() {
        int alone = read(Locale.UK, "15/01/2025").orElseThrow().confidence().percent();
        int withAnother = read(Locale.UK, "15/01/2025", "17/01/2025").orElseThrow().confidence().percent();

        assertThat(withAnother).isLessThan(alone);
    }
}
