package app.booksflow.desktop.store;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads a client's transactions with plain JDBC, one joined query streamed row by row: what rebuilding
 * the dashboards over tens of thousands of transactions needs, without an ORM session holding them all.
 * Every transaction is rebuilt through the domain constructor, so a row that lost a split fails loudly.
 */
public final class LedgerRows {

    private static final String TRANSACTIONS = """
            select t.id, t.date, t.payee, t.memo, t.bank_account_id, t.total_minor, t.currency, t.status,
                   s.account_id, s.amount_minor, s.currency, s.tax_code_id, s.memo
            from transactions t
            left join splits s on s.transaction_id = t.id
            where t.client_id = ? and (? = false or t.status = 'POSTED')
            order by t.id, s.line_no
            """;

    private LedgerRows() {
    }

    public static void forEachTransaction(Connection connection, ClientId client, boolean postedOnly,
            Consumer<Transaction> consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRANSACTIONS)) {
            statement.setObject(1, client.value());
            statement.setBoolean(2, postedOnly);
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                Header header = null;
                List<Split> splits = new ArrayList<>();
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (header == null || !header.id.equals(id)) {
                        if (header != null) {
                            consumer.accept(header.toTransaction(client, splits));
                            splits = new ArrayList<>();
                        }
                        header = new Header(id, rows.getObject(2, LocalDate.class), rows.getString(3), rows.getString(4),
                                rows.getObject(5, UUID.class), rows.getLong(6), rows.getString(7), rows.getString(8));
                    }
                    UUID account = rows.getObject(9, UUID.class);
                    if (account != null) {
                        UUID taxCode = rows.getObject(12, UUID.class);
                        splits.add(new Split(new AccountId(account),
                                Money.ofMinor(rows.getLong(10), Currency.getInstance(rows.getString(11))),
                                Optional.ofNullable(taxCode).map(TaxCodeId::new), rows.getString(13)));
                    }
                }
                if (header != null) {
                    consumer.accept(header.toTransaction(client, splits));
                }
            }
        }
    }

    private record Header(UUID id, LocalDate date, String payee, String memo, UUID bankAccount, long totalMinor,
            String currency, String status) {

        Transaction toTransaction(ClientId client, List<Split> splits) {
            return new Transaction(new TransactionId(id), client, date, payee, memo, new AccountId(bankAccount),
                    Money.ofMinor(totalMinor, Currency.getInstance(currency)), TransactionStatus.valueOf(status), splits);
        }
    }
}
