package app.booksflow.desktop.dashboard;

import app.booksflow.model.money.Money;

/** Income, expenses and the number of posted transactions of a period. */
public record PeriodFigures(Money income, Money expenses, long transactions) {

    public Money profit() {
        return income.minus(expenses);
    }
}
