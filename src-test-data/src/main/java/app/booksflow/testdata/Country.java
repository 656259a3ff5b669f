package app.booksflow.testdata;

import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.TaxRate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a generated client does business: its currency, tax rates and fiscal year. The first clients
 * of a practice take the countries in declaration order, so even a 5-client practice has currencies
 * with 2, 0 and 3 decimals (GBP, USD, EUR, JPY, BHD).
 *
 * <p>Times use fixed UTC offsets rather than time-zone rules: a future tz database update must not
 * change the ids of data generated from an old seed.
 */
public enum Country {
    UNITED_KINGDOM("en-GB", "GBP", "+00:00", MonthDay.of(4, 1), 0.79, "VAT", "VAT",
            "STANDARD=20 SERVICES=20 FOOD=0 RESTAURANT=20 ENERGY=5 TRANSPORT=0 ACCOMMODATION=20"),
    /** US purchases carry no recoverable tax; sales get the state rate chosen per client. */
    UNITED_STATES("en-US", "USD", "-05:00", MonthDay.of(1, 1), 1.0, "ST", "Sales tax", ""),
    GERMANY("de-DE", "EUR", "+01:00", MonthDay.of(1, 1), 0.92, "USt", "USt",
            "STANDARD=19 SERVICES=19 FOOD=7 RESTAURANT=19 ENERGY=19 TRANSPORT=7 ACCOMMODATION=7 RENT=19"),
    JAPAN("ja-JP", "JPY", "+09:00", MonthDay.of(4, 1), 150.0, "CT", "Consumption tax",
            "STANDARD=10 SERVICES=10 FOOD=8 RESTAURANT=10 ENERGY=10 TRANSPORT=10 ACCOMMODATION=10 RENT=10"),
    BAHRAIN("en-BH", "BHD", "+03:00", MonthDay.of(1, 1), 0.376, "VAT", "VAT",
            "STANDARD=10 SERVICES=10 FOOD=0 RESTAURANT=10 ENERGY=10 TRANSPORT=0 ACCOMMODATION=10 RENT=10"),
    FRANCE("fr-FR", "EUR", "+01:00", MonthDay.of(1, 1), 0.92, "TVA", "TVA",
            "STANDARD=20 SERVICES=20 FOOD=5.5 RESTAURANT=10 ENERGY=20 TRANSPORT=10 ACCOMMODATION=10 RENT=20");

    private final Locale locale;
    private final Currency currency;
    private final ZoneOffset offset;
    private final MonthDay fiscalYearStart;
    private final double scale;
    private final String taxCodePrefix;
    private final String taxName;
    private final Map<Treatment, TaxRate> rates = new EnumMap<>(Treatment.class);

    Country(String languageTag, String currencyCode, String offset, MonthDay fiscalYearStart, double scale,
            String taxCodePrefix, String taxName, String rateTable) {
        this.locale = Locale.forLanguageTag(languageTag);
        this.currency = Currencies.of(currencyCode);
        this.offset = ZoneOffset.of(offset);
        this.fiscalYearStart = fiscalYearStart;
        this.scale = scale;
        this.taxCodePrefix = taxCodePrefix;
        this.taxName = taxName;
        for (String entry : rateTable.split(" ")) {
            if (!entry.isEmpty()) {
                String[] parts = entry.split("=");
                rates.put(Treatment.valueOf(parts[0]), TaxRate.ofPercent(parts[1]));
            }
        }
    }

    public Locale locale() {
        return locale;
    }

    public Currency currency() {
        return currency;
    }

    /** The offset at which the client's business day is placed on the time line (no daylight saving). */
    public ZoneOffset offset() {
        return offset;
    }

    public MonthDay fiscalYearStart() {
        return fiscalYearStart;
    }

    /** How many units of the local currency buy what one US dollar buys, roughly; scales every price. */
    double scale() {
        return scale;
    }

    String taxCodePrefix() {
        return taxCodePrefix;
    }

    String taxName() {
        return taxName;
    }

    /** The rate of VAT-style taxes that apply to both sales and purchases; empty when untaxed. */
    Optional<TaxRate> rate(Treatment treatment) {
        return Optional.ofNullable(rates.get(treatment));
    }

    /** Utilities peak in winter for heating, except where air conditioning makes summer the dear season. */
    boolean coolsInSummer() {
        return this == BAHRAIN;
    }
}
