package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.util.List;

/**
 * Income and expenses of a period by account, in the client's currency. Income is net credits, expenses
 * net debits, so a refund lowers its line rather than appearing elsewhere.
 */
public record ProfitAndLoss(Client client, ReportPeriod period, List<ReportLine> income, List<ReportLine> expenses) {

    public ProfitAndLoss {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
    }

    public Money totalIncome() {
        return Money.sum(income.stream().map(ReportLine::amount).toList(), client.baseCurrency());
    }

    public Money totalExpenses() {
        return Money.sum(expenses.stream().map(ReportLine::amount).toList(), client.baseCurrency());
    }

    public Money netProfit() {
        return totalIncome().minus(totalExpenses());
    }
}
