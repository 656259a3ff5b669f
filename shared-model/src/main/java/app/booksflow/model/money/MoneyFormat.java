package app.booksflow.model.money;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows and reads amounts the way people of a locale write them: "1.234,56" in Germany, "1,234.56" in
 * the US, "1 234,56" in France. Reading is strict on purpose: "1.234" typed by a German user is one
 * thousand two hundred thirty-four, never 1.23 rounded, and a malformed entry is refused with an
 * example rather than guessed at. Instances are immutable and thread-safe.
 */
public final class MoneyFormat {

    private static final String SPACES = " \u00A0\u202F";
    private static final String APOSTROPHES = "'\u2019";

    private final Locale locale;
    private final char decimalSeparator;
    private final String groupingSeparators;

    private MoneyFormat(Locale locale) {
        this.locale = locale;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimalSeparator = symbols.getMonetaryDecimalSeparator();
        char grouping = symbols.getMonetaryGroupingSeparator();
        // People type a plain space or apostrophe where the locale prints a narrow or typographic one.
        if (SPACES.indexOf(grouping) >= 0) {
            this.groupingSeparators = SPACES;
        } else if (APOSTROPHES.indexOf(grouping) >= 0) {
            this.groupingSeparators = APOSTROPHES;
        } else {
            this.groupingSeparators = String.valueOf(grouping);
        }
    }

    public static MoneyFormat of(Locale locale) {
        return new MoneyFormat(Objects.requireNonNull(locale, "locale"));
    }

    public Locale locale() {
        return locale;
    }

    /** With the currency symbol where the locale puts it: "1.234,56 €", "$1,234.56". */
    public String format(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return formatWith(format, money);
    }

    /** The number alone, grouped and with the currency's decimals: "1.234,56". */
    public String formatAmount(Money money) {
        return formatWith(NumberFormat.getNumberInstance(locale), money);
    }

    private static String formatWith(NumberFormat format, Money money) {
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount()); // BigDecimal is formatted exactly, never through a double
    }

    /**
     * Reads an amount typed in this locale's convention. Accepts an optional sign (or accounting
     * parentheses for negatives) and the currency's code or symbol before or after the number.
     */
    public Money parse(String text, Currency currency) {
        Currencies.requireBookable(currency);
        if (text == null || text.isBlank()) {
            throw new DomainException(DomainError.REQUIRED, "An amount is required.");
        }
        String s = trim(text);
        boolean negative = false;
        if (s.length() > 1 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = trim(s.substring(1, s.length() - 1));
        }
        s = stripCurrency(s, currency);
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '\u2212' || s.charAt(0) == '+')) {
            if (negative && s.charAt(0) != '+') {
                throw invalid(text, currency);
            }
            negative |= s.charAt(0) != '+';
            s = stripCurrency(trim(s.substring(1)), currency);
        }
        BigDecimal amount = parseNumber(s);
        if (amount == null) {
            throw invalid(text, currency);
        }
        Money money = Money.of(amount, currency);
        return negative ? money.negate() : money;
    }

    private String stripCurrency(String s, Currency currency) {
        for (String mark : new String[] {currency.getCurrencyCode(), currency.getSymbol(locale), currency.getSymbol(Locale.ROOT)}) {
            if (mark.isEmpty()) {
                continue;
            }
            if (s.regionMatches(true, 0, mark, 0, mark.length())) {
                return trim(s.substring(mark.length()));
            }
            if (s.length() >= mark.length() && s.regionMatches(true, s.length() - mark.length(), mark, 0, mark.length())) {
                return trim(s.substring(0, s.length() - mark.length()));
            }
        }
        return s;
    }

    /** Digits grouped by the locale's separator (groups after the first of 2 or 3 digits, the last of 3), then decimals. */
    private BigDecimal parseNumber(String s) {
        int decimalAt = s.indexOf(decimalSeparator);
        String integerPart = decimalAt < 0 ? s : s.substring(0, decimalAt);
        String fractionPart = decimalAt < 0 ? "" : s.substring(decimalAt + 1);
        if (integerPart.isEmpty() || (decimalAt >= 0 && fractionPart.isEmpty()) || !allDigits(fractionPart)) {
            return null;
        }
        StringBuilder digits = new StringBuilder(s.length());
        int groupLength = 0;
        boolean grouped = false;
        for (int i = 0; i < integerPart.length(); i++) {
            char c = integerPart.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                groupLength++;
            } else if (groupingSeparators.indexOf(c) >= 0) {
                boolean firstGroup = !grouped;
                if (groupLength == 0 || (firstGroup ? groupLength > 3 : groupLength < 2 || groupLength > 3)) {
                    return null;
                }
                grouped = true;
                groupLength = 0;
            } else {
                return null;
            }
        }
        if (grouped && groupLength != 3) {
            return null;
        }
        return new BigDecimal(fractionPart.isEmpty() ? digits.toString() : digits + "." + fractionPart);
    }

    /** Like {@link String#strip()}, but also removes the no-break spaces that locales put around symbols. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private DomainException invalid(String text, Currency currency) {
        String example = formatAmount(Money.ofMinor(123456 * pow10(currency.getDefaultFractionDigits()) / 100, currency));
        return new DomainException(DomainError.INVALID_AMOUNT,
                "'" + trim(text) + "' is not an amount; write it like " + example + ".");
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
