package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random amounts and dates written the way each country prints them, read back: whatever the
 * grouping, decimal mark, symbol and date style, the extractor finds exactly what was written.
 */
class RoundTripTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);

    /** How one country writes amounts and dates on a receipt. */
    private record Style(Locale locale, String currency, String before, String after, char group, char decimal,
            List<String> datePatterns) {
    }

    private static final List<Style> STYLES = List.of(
            new Style(Locale.US, "USD", "$", "", ',', '.', List.of("MM/dd/yyyy", "MMM d, yyyy", "yyyy-MM-dd", "MM/dd/yy")),
            new Style(Locale.UK, "GBP", "£", "", ',', '.', List.of("dd/MM/yyyy", "d MMM yyyy", "dd/MM/yy", "dd-MM-yyyy")),
            new Style(Locale.GERMANY, "EUR", "", " €", '.', ',', List.of("dd.MM.yyyy", "dd.MM.yy", "d. MMMM yyyy")),
            new Style(Locale.FRANCE, "EUR", "", " €", ' ', ',', List.of("dd/MM/yyyy", "d MMMM yyyy")),
            new Style(Locale.of("en", "AU"), "AUD", "$", "", ',', '.', List.of("dd/MM/yyyy", "dd-MMM-yy", "d MMM yyyy")),
            new Style(Locale.of("en", "SG"), "SGD", "S$", "", ',', '.', List.of("dd-MM-yyyy", "dd/MM/yyyy", "d MMM yyyy")),
            new Style(Locale.JAPAN, "JPY", "¥", "", ',', '.', List.of("yyyy/MM/dd", "yyyy-MM-dd", "yyyy年M月d日")));

    static Stream<Arguments> receipts() {
        Random random = new Random(20251126);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Style style = STYLES.get(random.nextInt(STYLES.size()));
            Currency currency = Currency.getInstance(style.currency());
            long minor = 1 + (long) (Math.pow(10, 1 + random.nextInt(6)) * random.nextDouble());
            Money total = Money.ofMinor(minor, currency);
            LocalDate date = TODAY.minusDays(random.nextInt(3 * 365));
            String pattern = style.datePatterns().get(random.nextInt(style.datePatterns().size()));
            String dateText = DateTimeFormatter.ofPattern(pattern, style.locale()).format(date);
            if (random.nextBoolean()) {
                dateText = dateText.toUpperCase(style.locale());
            }
            cases.add(Arguments.of(style.locale().toLanguageTag(), format(total.amount(), style), dateText, total, date));
        }
        return cases.stream();
    }

    private static String format(BigDecimal amount, Style style) {
        String plain = amount.toPlainString();
        String integer = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = plain.contains(".") ? style.decimal() + plain.substring(plain.indexOf('.') + 1) : "";
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(style.group());
            }
            grouped.append(integer.charAt(i));
        }
        return style.before() + grouped + fraction + style.after();
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @MethodSource("receipts")
    void readsBackWhatWasWritten(String locale, String amountText, String dateText, Money total, LocalDate date) {
        String receipt = String.join("\n", "HARBOUR BOOKS", "Date " + dateText, "Notebook " + amountText,
                "TOTAL " + amountText);

        Extraction read = FieldExtractor.extract(ReceiptText.of(receipt),
                ExtractionContext.of(Locale.forLanguageTag(locale), TODAY));

        assertThat(read.total().map(Extracted::value)).contains(total);
        assertThat(read.date().map(Extracted::value)).contains(date);
        assertThat(read.vendor().map(Extracted::value)).contains("HARBOUR BOOKS");
    }
}
