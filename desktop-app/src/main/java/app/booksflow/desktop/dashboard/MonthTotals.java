package app.booksflow.desktop.dashboard;

import app.booksflow.model.money.Money;
import java.time.YearMonth;

/** One bar pair of the income-versus-expenses chart. */
public record MonthTotals(YearMonth month, Money income, Money expenses) {

    public Money profit() {
        return income.minus(expenses);
    }
}
