package app.booksflow.testdata.receipts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The receipt styles of a country: currency and how amounts are printed, tax and its labels, date
 * formats. All text is in Latin script: the OCR reads with English data.
 */
public enum ReceiptCountry {
    UNITED_STATES("US", "USD", "$", "", '.', ',', 1.0, "Sales Tax",
            List.of(DatePattern.MDY_SLASH, DatePattern.MDY_SLASH_SHORT, DatePattern.MON_D_YYYY)),
    UNITED_KINGDOM("GB", "GBP", "£", "", '.', ',', 0.8, "VAT",
            List.of(DatePattern.DMY_SLASH, DatePattern.DMY_SLASH_SHORT, DatePattern.D_MON_YYYY)),
    GERMANY("DE", "EUR", "", " €", ',', '.', 0.92, "MwSt",
            List.of(DatePattern.DMY_DOT, DatePattern.DMY_DOT_SHORT)),
    FRANCE("FR", "EUR", "", " €", ',', ' ', 0.92, "TVA",
            List.of(DatePattern.DMY_SLASH, DatePattern.DMY_SLASH_SHORT)),
    AUSTRALIA("AU", "AUD", "$", "", '.', ',', 1.5, "GST",
            List.of(DatePattern.DMY_SLASH, DatePattern.D_MON_YYYY)),
    SINGAPORE("SG", "SGD", "S$", "", '.', ',', 1.35, "GST",
            List.of(DatePattern.DMY_SLASH, DatePattern.DD_MON_YYYY, DatePattern.DMY_DASH)),
    JAPAN("JP", "JPY", "¥", "", '.', ',', 150.0, "Tax",
            List.of(DatePattern.YMD_SLASH, DatePattern.ISO));

    private final String isoCode;
    private final Currency currency;
    private final String symbolBefore;
    private final String symbolAfter;
    private final char decimalSeparator;
    private final char groupSeparator;
    private final double priceScale;
    private final String taxLabel;
    private final List<DatePattern> datePatterns;

    ReceiptCountry(String isoCode, String currencyCode, String symbolBefore, String symbolAfter,
            char decimalSeparator, char groupSeparator, double priceScale, String taxLabel,
            List<DatePattern> datePatterns) {
        this.isoCode = isoCode;
        this.currency = Currency.getInstance(currencyCode);
        this.symbolBefore = symbolBefore;
        this.symbolAfter = symbolAfter;
        this.decimalSeparator = decimalSeparator;
        this.groupSeparator = groupSeparator;
        this.priceScale = priceScale;
        this.taxLabel = taxLabel;
        this.datePatterns = datePatterns;
    }

    /** ISO 3166 alpha-2, e.g. {@code GB}. */
    public String isoCode() {
        return isoCode;
    }

    public Currency currency() {
        return currency;
    }

    /** Digits after the decimal point of the currency: 2, or 0 for yen. */
    public int decimals() {
        return currency.getDefaultFractionDigits();
    }

    /** The usual name of the tax on receipts: Sales Tax, VAT, MwSt, TVA, GST, Tax. */
    public String taxLabel() {
        return taxLabel;
    }

    /** The date formats of the country's till receipts (invoices may also use others). */
    public List<DatePattern> datePatterns() {
        return datePatterns;
    }

    /** Whether shop prices include the tax (everywhere but the US, and Singapore's restaurants). */
    public boolean taxIncluded(Layout layout) {
        if (layout == Layout.INVOICE || this == UNITED_STATES) {
            return false;
        }
        return !(this == SINGAPORE && layout == Layout.RESTAURANT);
    }

    /** The rates a receipt of this kind may carry, in percent; the date matters where the rate changed. */
    List<BigDecimal> taxRates(Layout layout, LocalDate date) {
        return switch (this) {
            case UNITED_STATES -> layout == Layout.FUEL ? List.of(BigDecimal.ZERO)
                    : percents("6", "6.25", "7", "7.25", "8.25", "8.875");
            case UNITED_KINGDOM, AUSTRALIA -> percents(this == AUSTRALIA ? "10" : "20");
            case GERMANY -> layout == Layout.TILL ? percents("19", "7") : percents("19");
            case FRANCE -> switch (layout) {
                case RESTAURANT -> percents("10");
                case TILL -> percents("20", "5.5");
                default -> percents("20");
            };
            case SINGAPORE -> percents(date.getYear() >= 2024 ? "9" : "8");
            case JAPAN -> layout == Layout.TILL || layout == Layout.RESTAURANT ? percents("10", "8") : percents("10");
        };
    }

    private static List<BigDecimal> percents(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** How many units of the currency buy what one US dollar buys, roughly. */
    double priceScale() {
        return priceScale;
    }

    /**
     * An amount as the country prints it, without a currency symbol: {@code 1,234.50}, {@code 1.234,50},
     * {@code 1,234}. At least the currency's decimals; more when the number has them (a price per litre).
     */
    public String formatNumber(BigDecimal amount) {
        BigDecimal scaled = amount.scale() >= decimals() ? amount : amount.setScale(decimals());
        String plain = scaled.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(groupSeparator);
            }
            grouped.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            grouped.append(decimalSeparator).append(fraction);
        }
        return (scaled.signum() < 0 ? "-" : "") + grouped;
    }

    /** An amount with the currency symbol where the country puts it: {@code $12.34}, {@code 12,34 €}, {@code S$12.34}. */
    public String formatMoney(BigDecimal amount) {
        return symbolBefore + formatNumber(amount) + symbolAfter;
    }
}
