package app.booksflow.model.money;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.math.BigDecimal;

/**
 * A tax rate in percent, for example 20 for UK VAT or 8.875 for New York City sales tax. Kept as the
 * exact decimal the tax authority publishes; never a binary fraction.
 */
public record TaxRate(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final TaxRate ZERO = new TaxRate(BigDecimal.ZERO);

    public TaxRate {
        if (percent == null) {
            throw new DomainException(DomainError.REQUIRED, "A tax rate is required.");
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "A tax rate must be between 0 % and 100 %; got " + percent.toPlainString() + " %.");
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw new DomainException(DomainError.TOO_MANY_DECIMALS,
                    "A tax rate has at most 4 decimals; got " + percent.toPlainString() + " %.");
        }
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
    }

    public static TaxRate ofPercent(String percent) {
        try {
            return new TaxRate(new BigDecimal(percent.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new DomainException(DomainError.INVALID_FORMAT, "'" + percent + "' is not a tax rate in percent.", e);
        }
    }

    /** The rate as a fraction: 20 % is 0.2. */
    public BigDecimal fraction() {
        return percent.movePointLeft(2);
    }

    public boolean isZero() {
        return percent.signum() == 0;
    }

    @Override
    public String toString() {
        return percent.toPlainString() + " %";
    }
}
