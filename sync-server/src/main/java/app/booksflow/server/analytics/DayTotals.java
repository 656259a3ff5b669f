package app.booksflow.server.analytics;

import app.booksflow.model.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

/** Adds up rows of {@code daily_metrics} exactly, in minor units, refusing to overflow. */
final class DayTotals {

    private long income;
    private long expenses;
    private long count;

    void add(long incomeMinor, long expenseMinor, long transactions) {
        income = Math.addExact(income, incomeMinor);
        expenses = Math.addExact(expenses, expenseMinor);
        count = Math.addExact(count, transactions);
    }

    Dashboard.Totals totals(LocalDate from, LocalDate to, Currency currency) {
        return new Dashboard.Totals(from, to, money(income, currency), money(expenses, currency),
                money(Math.subtractExact(income, expenses), currency), count);
    }

    Dashboard.Month month(YearMonth month, Currency currency) {
        return new Dashboard.Month(month, money(income, currency), money(expenses, currency),
                money(Math.subtractExact(income, expenses), currency), count);
    }

    private static Money money(long minor, Currency currency) {
        return Money.ofMinor(minor, currency);
    }
}
