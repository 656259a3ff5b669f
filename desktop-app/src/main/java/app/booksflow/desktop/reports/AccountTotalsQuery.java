package app.booksflow.desktop.reports;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sums of {@code dash_account_days}, which the ledger keeps in step with every posted transaction
 * (drafts and deleted transactions are not in it). A year is at most 366 days times the accounts
 * touched, whatever the number of transactions.
 */
final class AccountTotalsQuery {

    // The primary key (client_id, on_day, account_id) makes the period a range scan.
    private static final String PROFIT_AND_LOSS = """
            select a.id, a.code, a.name, a.type, sum(d.debit_minor), sum(d.credit_minor)
            from dash_account_days d join accounts a on a.id = d.account_id
            where d.client_id = ? and d.on_day between ? and ? and a.type in ('INCOME', 'EXPENSE')
            group by a.id, a.code, a.name, a.type
            having sum(d.debit_minor) <> sum(d.credit_minor)
            order by a.code
            """;
    private static final String TRIAL_BALANCE = """
            select a.id, a.code, a.name, a.type, sum(d.debit_minor), sum(d.credit_minor)
            from dash_account_days d join accounts a on a.id = d.account_id
            where d.client_id = ? and d.on_day <= ?
            group by a.id, a.code, a.name, a.type
            having sum(d.debit_minor) <> sum(d.credit_minor)
            order by a.code
            """;

    private AccountTotalsQuery() {
    }

    static ProfitAndLoss profitAndLoss(Connection connection, Client client, ReportPeriod period) throws SQLException {
        List<ReportLine> income = new ArrayList<>();
        List<ReportLine> expenses = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PROFIT_AND_LOSS)) {
            statement.setObject(1, client.id().value());
            statement.setObject(2, period.from());
            statement.setObject(3, period.to());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Account account = account(rows, client);
                    long debitsLessCredits = Math.subtractExact(rows.getLong(5), rows.getLong(6));
                    if (account.type() == AccountType.INCOME) {
                        income.add(new ReportLine(account, money(client, -debitsLessCredits)));
                    } else {
                        expenses.add(new ReportLine(account, money(client, debitsLessCredits)));
                    }
                }
            }
        }
        return new ProfitAndLoss(client, period, income, expenses);
    }

    static TrialBalance trialBalance(Connection connection, Client client, LocalDate asOf) throws SQLException {
        List<TrialBalanceLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TRIAL_BALANCE)) {
            statement.setObject(1, client.id().value());
            statement.setObject(2, asOf);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long balance = Math.subtractExact(rows.getLong(5), rows.getLong(6));
                    Money zero = money(client, 0);
                    lines.add(balance > 0
                            ? new TrialBalanceLine(account(rows, client), money(client, balance), zero)
                            : new TrialBalanceLine(account(rows, client), zero, money(client, -balance)));
                }
            }
        }
        return new TrialBalance(client, asOf, lines);
    }

    private static Account account(ResultSet rows, Client client) throws SQLException {
        return new Account(new AccountId(rows.getObject(1, UUID.class)), client.id(), rows.getString(2),
                rows.getString(3), AccountType.valueOf(rows.getString(4)));
    }

    private static Money money(Client client, long minor) {
        return Money.ofMinor(minor, client.baseCurrency());
    }
}
