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
 * Reads transactions with plain JDBC, one joined query streamed row by row: what rebuilding the
 * dashboards over tens of thousands of transactions (or indexing a bulk load for search) needs,
 * without an ORM session holding them all.
 * Every transaction is rebuilt through the domain constructor, so a row that lost a split fails loudly.
 */
public final class LedgerRows {

    private static final String COLUMNS = """
            select t.id, t.client_id, t.date, t.payee, t.memo, t.bank_account_id, t.total_minor, t.currency, t.status,
                   s.account_id, s.amount_minor, s.currency, s.tax_code_id, s.memo
            """;
    private static final String OF_CLIENT = COLUMNS + """
            from transactions t
            left join splits s on s.transaction_id = t.id
            where t.client_id = ? and (? = false or t.status = 'POSTED')
            order by t.id, s.line_no
            """;
    /*
     * "id in (query)" and not a join with the query as a derived table: for the join H2 reads every
     * transaction in id order (to spare the sort) and looks each up in the list; for "in" it looks the
     * listed ids up in the primary key.
     */
    private static final String LISTED = COLUMNS + """
            from transactions t
            left join splits s on s.transaction_id = t.id
            where t.id in (%s)
            order by t.id, s.line_no
            """;

    private LedgerRows() {
    }

    public static void forEachTransaction(Connection connection, ClientId client, boolean postedOnly,
            Consumer<Transaction> consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OF_CLIENT)) {
            statement.setObject(1, client.value());
            statement.setBoolean(2, postedOnly);
            read(statement, consumer);
        }
    }

    /**
     * The transactions whose ids a query lists, of any client, in id order; listed ids without a
     * transaction (deleted since they were listed) are skipped.
     *
     * @param idQuery    a query of one column of transaction ids, such as {@code select id from t limit ?}
     * @param parameters its parameters, in order
     */
    public static void forEachListed(Connection connection, String idQuery, List<?> parameters,
            Consumer<Transaction> consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LISTED.formatted(idQuery))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            read(statement, consumer);
        }
    }

    private static void read(PreparedStatement statement, Consumer<Transaction> consumer) throws SQLException {
        statement.setFetchSize(1_000);
        try (ResultSet rows = statement.executeQuery()) {
            Header header = null;
            List<Split> splits = new ArrayList<>();
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                if (header == null || !header.id.equals(id)) {
                    if (header != null) {
                        consumer.accept(header.toTransaction(splits));
                        splits = new ArrayList<>();
                    }
                    header = new Header(id, rows.getObject(2, UUID.class), rows.getObject(3, LocalDate.class),
                            rows.getString(4), rows.getString(5), rows.getObject(6, UUID.class), rows.getLong(7),
                            rows.getString(8), rows.getString(9));
                }
                UUID account = rows.getObject(10, UUID.class);
                if (account != null) {
                    UUID taxCode = rows.getObject(13, UUID.class);
                    splits.add(new Split(new AccountId(account),
                            Money.ofMinor(rows.getLong(11), Currency.getInstance(rows.getString(12))),
                            Optional.ofNullable(taxCode).map(TaxCodeId::new), rows.getString(14)));
                }
            }
            if (header != null) {
                consumer.accept(header.toTransaction(splits));
            }
        }
    }

    private record Header(UUID id, UUID client, LocalDate date, String payee, String memo, UUID bankAccount,
            long totalMinor, String currency, String status) {

        Transaction toTransaction(List<Split> splits) {
            return new Transaction(new TransactionId(id), new ClientId(client), date, payee, memo,
                    new AccountId(bankAccount), Money.ofMinor(totalMinor, Currency.getInstance(currency)),
                    TransactionStatus.valueOf(status), splits);
        }
    }
}
