package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.time.LocalDate;
import java.util.List;

/** Every account with a balance as of a date (inclusive), in code order; the two columns always agree. */
public record TrialBalance(Client client, LocalDate asOf, List<TrialBalanceLine> lines) {

    public TrialBalance {
        lines = List.copyOf(lines);
    }

    public Money totalDebits() {
        return Money.sum(lines.stream().map(TrialBalanceLine::debit).toList(), client.baseCurrency());
    }

    public Money totalCredits() {
        return Money.sum(lines.stream().map(TrialBalanceLine::credit).toList(), client.baseCurrency());
    }
}
