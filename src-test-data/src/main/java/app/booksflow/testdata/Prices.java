package app.booksflow.testdata;

import java.util.Currency;

/**
 * Turns a size into whole minor units of a client's currency, rounded the way prices in that
 * currency look: yen prices end in 0, invoices are round numbers, rent rounder still. Sizes are
 * drawn in US-dollar-sized units so that one table of medians serves every country; the double
 * never leaves this class, what comes out is an exact count of minor units.
 */
final class Prices {

    /** How finely a kind of price is rounded. */
    enum Rounding {
        /** Metered bills and card takings: to the minor unit. */
        EXACT,
        /** Shop prices: 10 yen, 5 fils, 1 cent. */
        RETAIL,
        /** Net invoice amounts: 1,000 yen, 1 dinar, 5 pounds. */
        INVOICE,
        /** Rent and retainers: 10,000 yen, 25 dinars, 50 pounds. */
        FLAT
    }

    private final double scale;
    private final long unit;
    private final int digits;

    Prices(Country country) {
        Currency currency = country.currency();
        this.scale = country.scale();
        this.digits = currency.getDefaultFractionDigits();
        long power = 1;
        for (int i = 0; i < digits; i++) {
            power *= 10;
        }
        this.unit = power;
    }

    /** At least one step, so that no generated amount is zero. */
    long minor(double size, Rounding rounding) {
        long step = step(rounding);
        long steps = Math.round(size * scale * unit / step);
        return Math.max(1, steps) * step;
    }

    /** A known amount times a factor (a rent rise, a cold month), rounded again. */
    long rescale(long minor, double factor, Rounding rounding) {
        long step = step(rounding);
        return Math.max(1, Math.round(minor * factor / step)) * step;
    }

    private long step(Rounding rounding) {
        return switch (rounding) {
            case EXACT -> 1;
            case RETAIL -> digits == 0 ? 10 : digits == 3 ? 5 : 1;
            case INVOICE -> digits == 0 ? 1_000 : digits == 3 ? 1_000 : 500;
            case FLAT -> digits == 0 ? 10_000 : digits == 3 ? 25_000 : 5_000;
        };
    }
}
