package app.booksflow.desktop.search;

import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes the terms of transactions through batched JDBC on the caller's connection, and so in the
 * caller's transaction: used by the write path, the demo load and the rebuild alike, so all three
 * index a transaction the same way.
 */
public final class SearchTermWriter implements AutoCloseable {

    private static final int BATCH = 2_000;

    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private int pending;

    public SearchTermWriter(Connection connection) throws SQLException {
        insert = connection.prepareStatement(
                "insert into search_terms (term, transaction_id, field, client_id, on_day) values (?, ?, ?, ?, ?)");
        delete = connection.prepareStatement("delete from search_terms where transaction_id = ?");
    }

    public void add(Transaction transaction) throws SQLException {
        add(transaction, SearchField.PAYEE, new LinkedHashSet<>(Terms.of(transaction.payee())));
        add(transaction, SearchField.MEMO, new LinkedHashSet<>(Terms.of(transaction.memo())));
        Set<String> splitMemos = new LinkedHashSet<>();
        for (Split split : transaction.splits()) {
            splitMemos.addAll(Terms.of(split.memo()));
        }
        add(transaction, SearchField.SPLIT_MEMO, splitMemos);
        add(transaction, SearchField.AMOUNT, AmountTerms.of(transaction.total()));
    }

    private void add(Transaction transaction, SearchField field, Set<String> terms) throws SQLException {
        for (String term : terms) {
            insert.setString(1, term);
            insert.setObject(2, transaction.id().value());
            insert.setInt(3, field.code());
            insert.setObject(4, transaction.client().value());
            insert.setObject(5, transaction.date());
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }
    }

    /** Deletes right away: a later add of the same transaction in this writer must not be deleted with it. */
    public void remove(TransactionId transaction) throws SQLException {
        flush();
        delete.setObject(1, transaction.value());
        delete.executeUpdate();
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
            delete.close();
        }
    }
}
