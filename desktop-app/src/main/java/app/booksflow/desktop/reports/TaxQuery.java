package app.booksflow.desktop.reports;

import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.practice.Client;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tax per tax code. The precomputed tables cannot answer this: they are per account, and every sales
 * code books to the same tax payable account (every purchase code to tax receivable). So this reads
 * the period's posted splits that carry a tax code, through the (client_id, date) index on transactions
 * and the splits' primary key, and works the tax out per split exactly as {@code Transaction.postings}
 * does, so it matches the postings to the tax accounts to the cent.
 */
final class TaxQuery {

    private static final String TAXED_SPLITS = """
            select c.code, c.name, c.rate_percent, s.amount_minor
            from transactions t
            join splits s on s.transaction_id = t.id
            join tax_codes c on c.id = s.tax_code_id
            where t.client_id = ? and t.date between ? and ? and t.status = 'POSTED'
            """;

    private TaxQuery() {
    }

    static TaxSummary summary(Connection connection, Client client, ReportPeriod period) throws SQLException {
        Map<String, Totals> byCode = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TAXED_SPLITS)) {
            statement.setObject(1, client.id().value());
            statement.setObject(2, period.from());
            statement.setObject(3, period.to());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(1);
                    TaxRate rate = new TaxRate(rows.getBigDecimal(3));
                    String name = rows.getString(2);
                    Totals totals = byCode.computeIfAbsent(code, c -> new Totals(name, rate));
                    totals.add(Money.ofMinor(rows.getLong(4), client.baseCurrency()));
                }
            }
        }
        List<TaxLine> lines = new ArrayList<>(byCode.size());
        byCode.forEach((code, totals) -> lines.add(totals.line(code, client)));
        return new TaxSummary(client, period, lines);
    }

    /** Minor units: net sales, tax collected, net purchases, tax paid. */
    private static final class Totals {
        private final String name;
        private final TaxRate rate;
        private final long[] sums = new long[4];

        Totals(String name, TaxRate rate) {
            this.name = name;
            this.rate = rate;
        }

        // A split's amount is gross and signed like the bank side: money in credits its tax to the tax
        // account (collected), money out debits it (paid). The side follows the posting, not the code's
        // name, so a customer refund under a sales code shows as tax paid, as the tax account sees it.
        void add(Money gross) {
            Money tax = gross.taxInGross(rate);
            boolean sale = gross.isPositive();
            int net = sale ? 0 : 2;
            long sign = sale ? 1 : -1;
            sums[net] = Math.addExact(sums[net], sign * gross.minus(tax).minorUnits());
            sums[net + 1] = Math.addExact(sums[net + 1], sign * tax.minorUnits());
        }

        TaxLine line(String code, Client client) {
            return new TaxLine(code, name, rate, money(client, sums[0]), money(client, sums[1]),
                    money(client, sums[2]), money(client, sums[3]));
        }

        private static Money money(Client client, long minor) {
            return Money.ofMinor(minor, client.baseCurrency());
        }
    }
}
