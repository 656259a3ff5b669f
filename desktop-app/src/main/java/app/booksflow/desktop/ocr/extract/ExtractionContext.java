package app.booksflow.desktop.ocr.extract;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What extraction knows besides the text: the client's locale (its country orders day and month and
 * gives {@code $} its meaning), the client's currency (used when the receipt names none), the day
 * the receipt is read (no receipt is dated after it) and the client's vendor rules.
 */
public record ExtractionContext(Locale locale, Optional<Currency> clientCurrency, LocalDate today,
        VendorRules vendorRules) {

    public ExtractionContext {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(clientCurrency, "clientCurrency");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(vendorRules, "vendorRules");
    }

    /** The locale's own currency (if its country has one) and no vendor rules. */
    public static ExtractionContext of(Locale locale, LocalDate today) {
        return new ExtractionContext(locale, CurrencyReader.ofLocale(locale), today, VendorRules.NONE);
    }

    public ExtractionContext withClientCurrency(Currency currency) {
        return new ExtractionContext(locale, Optional.of(currency), today, vendorRules);
    }

    public ExtractionContext withVendorRules(VendorRules rules) {
        return new ExtractionContext(locale, clientCurrency, today, rules);
    }
}
