package app.booksflow.testdata.receipts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The ways receipts print a date. Month names are English. */
public enum DatePattern {
    MDY_SLASH("MM/dd/yyyy"), MDY_SLASH_SHORT("MM/dd/yy"), MON_D_YYYY("MMM d, yyyy"),
    DMY_SLASH("dd/MM/yyyy"), DMY_SLASH_SHORT("dd/MM/yy"), DMY_DASH("dd-MM-yyyy"),
    DMY_DOT("dd.MM.yyyy"), DMY_DOT_SHORT("dd.MM.yy"),
    YMD_SLASH("yyyy/MM/dd"), ISO("yyyy-MM-dd"),
    /** 15 Jan 2025 */
    D_MON_YYYY("d MMM yyyy"),
    /** 05 Jan 2025 */
    DD_MON_YYYY("dd MMM yyyy"),
    /** 15 January 2025 */
    D_MONTH_YYYY("d MMMM yyyy");

    private final String pattern;
    private final DateTimeFormatter formatter;

    DatePattern(String pattern) {
        this.pattern = pattern;
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    }

    /** The {@link DateTimeFormatter} pattern, e.g. {@code dd/MM/yyyy}. */
    public String pattern() {
        return pattern;
    }

    public String format(LocalDate date) {
        return formatter.format(date);
    }
}
