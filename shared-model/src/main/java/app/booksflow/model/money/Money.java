package app.booksflow.model.money;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * An amount in one currency, held as a whole number of the currency's minor units (cents for EUR,
 * yen for JPY, fils for BHD). Arithmetic is exact; anything that could produce a fraction of a minor
 * unit (multiplication by a rate, division, tax) asks for a {@link RoundingMode}, and results that
 * do not fit are refused with {@link DomainError#AMOUNT_OVERFLOW} instead of wrapping around.
 */
public final class Money implements Comparable<Money> {

    /** Largest number of integer digits any amount may have before the minor units (long range). */
    private static final int MAX_PRECISION = 18;

    private final long minorUnits;
    private final Currency currency;

    private Money(long minorUnits, Currency currency) {
        this.minorUnits = minorUnits;
        this.currency = currency;
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, Currencies.requireBookable(currency));
    }

    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /** The exact amount; refuses more decimals than the currency has (12.345 EUR) instead of rounding. */
    public static Money of(BigDecimal amount, Currency currency) {
        Currencies.requireBookable(currency);
        Objects.requireNonNull(amount, "amount");
        int digits = currency.getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new DomainException(DomainError.TOO_MANY_DECIMALS, currency.getCurrencyCode() + " amounts have "
                    + describeDigits(digits) + "; " + amount.toPlainString() + " has more. Round it first.");
        }
        return new Money(toMinor(amount.setScale(digits, RoundingMode.UNNECESSARY), currency), currency);
    }

    /** The amount rounded to the currency's minor unit by the given rule. */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Currencies.requireBookable(currency);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal scaled;
        try {
            scaled = amount.setScale(currency.getDefaultFractionDigits(), rounding);
        } catch (ArithmeticException e) {
            throw new DomainException(DomainError.TOO_MANY_DECIMALS, amount.toPlainString() + " "
                    + currency.getCurrencyCode() + " cannot be represented without rounding.", e);
        }
        return new Money(toMinor(scaled, currency), currency);
    }

    /** Parses a plain decimal such as {@code -1234.56} (no grouping; see {@link MoneyFormat} for locales). */
    public static Money of(String amount, String currencyCode) {
        Currency currency = Currencies.of(currencyCode);
        if (amount == null || amount.isBlank()) {
            throw new DomainException(DomainError.REQUIRED, "An amount is required.");
        }
        String text = amount.strip();
        if (!text.matches("[+-]?\\d+(\\.\\d+)?")) {
            throw new DomainException(DomainError.INVALID_AMOUNT,
                    "'" + amount + "' is not an amount; write it like 1234.56.");
        }
        return of(new BigDecimal(text), currency);
    }

    private static long toMinor(BigDecimal scaledAmount, Currency currency) {
        BigDecimal unscaled = scaledAmount.movePointRight(scaledAmount.scale());
        if (unscaled.precision() > MAX_PRECISION) {
            throw overflow("The amount " + scaledAmount.toPlainString() + " " + currency.getCurrencyCode()
                    + " is too large to be booked.");
        }
        return unscaled.longValueExact();
    }

    private static DomainException overflow(String message) {
        return new DomainException(DomainError.AMOUNT_OVERFLOW, message);
    }

    private static String describeDigits(int digits) {
        return switch (digits) {
            case 0 -> "no decimals";
            case 1 -> "1 decimal";
            default -> digits + " decimals";
        };
    }

    public long minorUnits() {
        return minorUnits;
    }

    public Currency currency() {
        return currency;
    }

    /** The amount with exactly as many decimals as the currency has. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    public int signum() {
        return Long.signum(minorUnits);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(exact(() -> Math.addExact(minorUnits, other.minorUnits)), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(exact(() -> Math.subtractExact(minorUnits, other.minorUnits)), currency);
    }

    public Money negate() {
        return new Money(exact(() -> Math.negateExact(minorUnits)), currency);
    }

    public Money abs() {
        return minorUnits < 0 ? negate() : this;
    }

    public Money times(long factor) {
        return new Money(exact(() -> Math.multiplyExact(minorUnits, factor)), currency);
    }

    /** Multiplies by an exact factor (an exchange rate, a share) and rounds to the minor unit. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        return of(amount().multiply(factor), currency, rounding);
    }

    /** Divides and rounds to the minor unit; to split an amount without losing a cent use {@link #allocate}. */
    public Money dividedBy(long divisor, RoundingMode rounding) {
        if (divisor == 0) {
            throw new DomainException(DomainError.INVALID_AMOUNT, "An amount cannot be divided by zero.");
        }
        Objects.requireNonNull(rounding, "rounding");
        return new Money(BigDecimal.valueOf(minorUnits).divide(BigDecimal.valueOf(divisor), 0, rounding)
                .longValueExact(), currency);
    }

    /**
     * Splits the amount by the given ratios so that the parts add up exactly to this amount. Each part
     * is first rounded towards zero; the minor units left over go to the parts that lost the most by
     * that rounding (the largest-remainder method), so no part is ever off by a whole minor unit.
     */
    public List<Money> allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new DomainException(DomainError.REQUIRED, "At least one share is needed to allocate an amount.");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new DomainException(DomainError.OUT_OF_RANGE, "Shares cannot be negative; got " + ratio + ".");
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "At least one share must be larger than zero.");
        }
        long[] parts = new long[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        long leftOver = minorUnits;
        BigInteger whole = BigInteger.valueOf(minorUnits);
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] quotient = whole.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            parts[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1].abs();
            leftOver -= parts[i];
        }
        long step = Long.signum(leftOver);
        Integer[] byRemainder = new Integer[ratios.length];
        Arrays.setAll(byRemainder, i -> i);
        Arrays.sort(byRemainder, Comparator.comparing((Integer i) -> remainders[i]).reversed());
        for (int k = 0; leftOver != 0; k++) {
            parts[byRemainder[k]] += step;
            leftOver -= step;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(new Money(part, currency));
        }
        return List.copyOf(result);
    }

    /** The tax on this net amount at the rate, rounded half-even (banker's rounding). */
    public Money taxOnNet(TaxRate rate) {
        return taxOnNet(rate, RoundingMode.HALF_EVEN);
    }

    public Money taxOnNet(TaxRate rate, RoundingMode rounding) {
        return times(rate.fraction(), rounding);
    }

    /** The tax contained in this gross (tax-inclusive) amount, rounded half-even: 120.00 at 20 % holds 20.00. */
    public Money taxInGross(TaxRate rate) {
        return taxInGross(rate, RoundingMode.HALF_EVEN);
    }

    public Money taxInGross(TaxRate rate, RoundingMode rounding) {
        BigDecimal fraction = rate.fraction();
        BigDecimal tax = amount().multiply(fraction)
                .divide(BigDecimal.ONE.add(fraction), currency.getDefaultFractionDigits(), rounding);
        return of(tax, currency);
    }

    public static Money sum(Collection<Money> amounts, Currency currency) {
        Money total = zero(currency);
        for (Money amount : amounts) {
            total = total.plus(amount);
        }
        return total;
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other, String verb) {
        Objects.requireNonNull(other, "other amount");
        if (!isSameCurrency(other)) {
            throw new DomainException(DomainError.CURRENCY_MISMATCH, "Cannot " + verb + " " + other + " and " + this
                    + ": the currencies differ. Convert one of them first.");
        }
    }

    private long exact(LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (ArithmeticException e) {
            throw overflow("The result is too large to be booked in " + currency.getCurrencyCode() + ".");
        }
    }

    /** Compares amounts of the same currency; comparing different currencies is refused. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && minorUnits == other.minorUnits && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minorUnits) * 31 + currency.hashCode();
    }

    /** For logs and messages: {@code 1234.56 EUR}. Use {@link MoneyFormat} to show amounts to people. */
    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
