package app.booksflow.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Money arithmetic against exact BigDecimal/BigInteger arithmetic, for random amounts and currencies. */
class MoneyProperties {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("EUR", "USD", "GBP", "JPY", "BHD", "CHF", "KWD", "CLP").map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of("de-DE", "en-US", "fr-FR", "en-GB", "de-CH", "en-IN", "ja-JP", "it-IT", "es-ES", "nl-NL")
                .map(Locale::forLanguageTag);
    }

    @Property
    void additionIsExactOrRefusedNeverWrapped(@ForAll long a, @ForAll long b, @ForAll("currencies") Currency currency) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        Money left = Money.ofMinor(a, currency);
        Money right = Money.ofMinor(b, currency);

        if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            assertOverflow(() -> left.plus(right));
        } else {
            assertThat(left.plus(right).minorUnits()).isEqualTo(exact.longValueExact());
            assertThat(left.plus(right).minus(right)).isEqualTo(left);
        }
    }

    @Property
    void multiplicationIsExactOrRefusedNeverWrapped(@ForAll long a, @ForAll int factor,
            @ForAll("currencies") Currency currency) {
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(factor));
        Money money = Money.ofMinor(a, currency);

        if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            assertOverflow(() -> money.times(factor));
        } else {
            assertThat(money.times(factor).minorUnits()).isEqualTo(exact.longValueExact());
        }
    }

    @Property
    void additionIsCommutativeAndAssociative(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long c,
            @ForAll("currencies") Currency currency) {
        Money x = Money.ofMinor(a, currency);
        Money y = Money.ofMinor(b, currency);
        Money z = Money.ofMinor(c, currency);

        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
    }

    @Property
    void taxMatchesExactArithmeticRoundedHalfEven(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long minor,
            @ForAll @IntRange(min = 0, max = 300_000) int rateTenThousandths, @ForAll("currencies") Currency currency) {
        Money money = Money.ofMinor(minor, currency);
        BigDecimal percent = BigDecimal.valueOf(rateTenThousandths, 4);
        TaxRate rate = new TaxRate(percent);
        int digits = currency.getDefaultFractionDigits();
        BigDecimal fraction = percent.movePointLeft(2);

        BigDecimal onNet = money.amount().multiply(fraction).setScale(digits, RoundingMode.HALF_EVEN);
        BigDecimal inGross = money.amount().multiply(fraction)
                .divide(BigDecimal.ONE.add(fraction), digits, RoundingMode.HALF_EVEN);

        assertThat(money.taxOnNet(rate).amount()).isEqualByComparingTo(onNet);
        assertThat(money.taxInGross(rate).amount()).isEqualByComparingTo(inGross);
    }

    @Property
    void allocationAddsUpExactlyAndIsFair(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> shares,
            @ForAll("currencies") Currency currency) {
        long[] ratios = shares.stream().mapToLong(Integer::longValue).toArray();
        long totalRatio = shares.stream().mapToLong(Integer::longValue).sum();
        Money money = Money.ofMinor(minor, currency);

        if (totalRatio == 0) {
            assertThatThrownBy(() -> money.allocate(ratios)).isInstanceOf(DomainException.class);
            return;
        }
        List<Money> parts = money.allocate(ratios);

        assertThat(Money.sum(parts, currency)).isEqualTo(money);
        for (int i = 0; i < ratios.length; i++) {
            BigDecimal ideal = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(ratios[i]))
                    .divide(BigDecimal.valueOf(totalRatio), 10, RoundingMode.HALF_EVEN);
            BigDecimal error = BigDecimal.valueOf(parts.get(i).minorUnits()).subtract(ideal).abs();
            assertThat(error).isLessThan(BigDecimal.ONE);
            if (ratios[i] == 0) {
                assertThat(parts.get(i).isZero()).isTrue();
            }
        }
    }

    @Property
    void formattedAmountsReadBackExactly(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor,
            @ForAll("currencies") Currency currency, @ForAll("locales") Locale locale) {
        MoneyFormat format = MoneyFormat.of(locale);
        Money money = Money.ofMinor(minor, currency);

        assertThat(format.parse(format.formatAmount(money), currency)).isEqualTo(money);
        assertThat(format.parse(format.format(money), currency)).isEqualTo(money);
    }

    @Property
    void decimalsBeyondTheMinorUnitAreRefusedNotRounded(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor,
            @ForAll @IntRange(min = 1, max = 9) int extraDigit, @ForAll("currencies") Currency currency) {
        BigDecimal tooPrecise = BigDecimal.valueOf(minor, currency.getDefaultFractionDigits())
                .add(BigDecimal.valueOf(extraDigit, currency.getDefaultFractionDigits() + 1));

        assertThatThrownBy(() -> Money.of(tooPrecise, currency))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isEqualTo(DomainError.TOO_MANY_DECIMALS));
    }

    private static void assertOverflow(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isEqualTo(DomainError.AMOUNT_OVERFLOW));
    }
}
