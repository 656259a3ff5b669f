package app.booksflow.server.analytics;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * The headline numbers of every client a user may see, as of the last refresh of the materialized
 * view (null when it has never been refreshed with clients in it).
 */
public record Overview(Instant refreshedAt, List<ClientNumbers> clients) {

    /** "This month" and "last month" are the database's calendar months at the time of the refresh. */
    public record ClientNumbers(ClientId client, String name, Money incomeThisMonth, Money expensesThisMonth,
            Money incomeLastMonth, Money expensesLastMonth, long transactionCount) {
    }
}
