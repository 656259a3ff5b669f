package app.booksflow.desktop.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A receipt file and what is truly on it.
 *
 * @param groups what the accuracy report breaks down by: country, layout, format, degradation
 * @param locale the client's locale the receipt is read for (it settles 03/04 dates)
 * @param tax    empty when the receipt shows no tax
 * @param dateText  the date exactly as printed
 * @param totalText the total exactly as printed on its line
 */
public record LabeledReceipt(Path file, Map<String, String> groups, Locale locale, String vendor, LocalDate date,
        BigDecimal total, Optional<BigDecimal> tax, Currency currency, String dateText, String totalText) {

    public LabeledReceipt {
        groups = Map.copyOf(groups);
    }
}
