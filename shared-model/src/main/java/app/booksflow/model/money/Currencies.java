package app.booksflow.model.money;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.util.Currency;
import java.util.Locale;

/** ISO 4217 currencies that can carry amounts in the books. */
public final class Currencies {

    public static final Currency EUR = Currency.getInstance("EUR");
    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency GBP = Currency.getInstance("GBP");
    public static final Currency JPY = Currency.getInstance("JPY");
    public static final Currency BHD = Currency.getInstance("BHD");

    private Currencies() {
    }

    /**
     * The currency with this three-letter code. Refuses unknown codes and the ISO entries that have
     * no minor unit (gold, testing, "no currency"), because amounts in them cannot be booked exactly.
     */
    public static Currency of(String code) {
        if (code == null || code.isBlank()) {
            throw new DomainException(DomainError.REQUIRED, "A currency is required, for example EUR, USD or GBP.");
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = normalized.length() == 3 ? Currency.getInstance(normalized) : null;
        } catch (IllegalArgumentException e) {
            currency = null;
        }
        if (currency == null) {
            throw new DomainException(DomainError.UNKNOWN_CURRENCY,
                    "'" + code.strip() + "' is not an ISO 4217 currency code; use three letters such as EUR, USD or GBP.");
        }
        return requireBookable(currency);
    }

    /** Refuses currencies without minor units (XAU, XXX, ...). */
    public static Currency requireBookable(Currency currency) {
        if (currency == null) {
            throw new DomainException(DomainError.REQUIRED, "A currency is required, for example EUR, USD or GBP.");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new DomainException(DomainError.UNKNOWN_CURRENCY,
                    currency.getCurrencyCode() + " has no minor unit and cannot be used for bookkeeping.");
        }
        return currency;
    }
}
