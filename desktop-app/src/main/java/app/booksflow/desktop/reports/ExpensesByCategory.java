package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.util.List;

/** A period's net expenses per expense account, largest first, with each account's share of the total. */
public record ExpensesByCategory(Client client, ReportPeriod period, List<ExpenseShare> categories, Money total) {

    public ExpensesByCategory {
        categories = List.copyOf(categories);
    }
}
