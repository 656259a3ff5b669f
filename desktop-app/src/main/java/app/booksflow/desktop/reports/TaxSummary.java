package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.util.List;

/** Tax by tax code for a period, codes in code order. */
public record TaxSummary(Client client, ReportPeriod period, List<TaxLine> lines) {

    public TaxSummary {
        lines = List.copyOf(lines);
    }

    public Money totalCollected() {
        return Money.sum(lines.stream().map(TaxLine::collected).toList(), client.baseCurrency());
    }

    public Money totalPaid() {
        return Money.sum(lines.stream().map(TaxLine::paid).toList(), client.baseCurrency());
    }

    public Money net() {
        return totalCollected().minus(totalPaid());
    }
}
