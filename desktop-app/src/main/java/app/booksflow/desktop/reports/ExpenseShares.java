package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;

/** Expenses by category are the expense side of the profit and loss, so both always show the same figures. */
final class ExpenseShares {

    // 34 significant digits: the shares add up to 100 far beyond any displayed decimal.
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExpenseShares() {
    }

    static ExpensesByCategory of(ProfitAndLoss profitAndLoss) {
        Money total = profitAndLoss.totalExpenses();
        List<ExpenseShare> shares = profitAndLoss.expenses().stream()
                .sorted(Comparator.comparing(ReportLine::amount).reversed()
                        .thenComparing(line -> line.account().code()))
                .map(line -> new ExpenseShare(line.account(), line.amount(), share(line.amount(), total)))
                .toList();
        return new ExpensesByCategory(profitAndLoss.client(), profitAndLoss.period(), shares, total);
    }

    private static BigDecimal share(Money amount, Money total) {
        if (total.isZero()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(amount.minorUnits()).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(total.minorUnits()), PRECISION);
    }
}
