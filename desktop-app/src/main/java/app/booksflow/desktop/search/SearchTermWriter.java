package app.booksflow.desktop.search;

import app.booksflow.desktop.store.TextKeys;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the terms of transactions through batched JDBC on the caller's connection, and so in the
 * caller's transaction: used by the write path, the demo load and the rebuild alike, so all three
 * index a transaction the same way.
 *
 * <p>Terms are held back and written in the order of the search index ({@code term, field, on_day
 * desc}): a batch of many transactions then walks that index once from left to right instead of
 * landing on a random page of it for every row, which is most of what a bulk load costs.
 */
public final class SearchTermWriter implements AutoCloseable {

    /** Terms held before they are sorted and written: about 10,000 transactions' worth. */
    private static final int BUFFER = 100_000;
    private static final int BATCH = 2_000;
    private static final Comparator<Row> INDEX_ORDER = Comparator.comparing(Row::term)
            .thenComparingInt(Row::field)
            .thenComparing(Row::onDay, Comparator.reverseOrder());

    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final List<Row> pending = new ArrayList<>();

    /** {@code payee}: the transaction's payee key ({@link TextKeys}), on payee and memo terms (null on the others). */
    private record Row(String term, UUID transaction, int field, UUID client, LocalDate onDay, String payee) {
    }

    private final boolean payees;

    public SearchTermWriter(Connection connection) throws SQLException {
        this(connection, true);
    }

    private SearchTermWriter(Connection connection, boolean payees) throws SQLException {
        this.payees = payees;
        insert = connection.prepareStatement(payees
                ? "insert into search_terms (term, transaction_id, field, client_id, on_day, payee_key)"
                        + " values (?, ?, ?, ?, ?, ?)"
                : "insert into search_terms (term, transaction_id, field, client_id, on_day) values (?, ?, ?, ?, ?)");
        delete = connection.prepareStatement("delete from search_terms where transaction_id = ?");
    }

    /** Terms without their payee, for the migration (V3) that indexed books before V18 added the column (and filled it). */
    public static SearchTermWriter withoutPayees(Connection connection) throws SQLException {
        return new SearchTermWriter(connection, false);
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
        String payee = field == SearchField.PAYEE || field == SearchField.MEMO ? TextKeys.lower(transaction.payee()) : null;
        for (String term : terms) {
            pending.add(new Row(term, transaction.id().value(), field.code(), transaction.client().value(),
                    transaction.date(), payee));
        }
        if (pending.size() >= BUFFER) {
            flush();
        }
    }

    /** Deletes right away: a later add of the same transaction in this writer must not be deleted with it. */
    public void remove(TransactionId transaction) throws SQLException {
        flush();
        delete.setObject(1, transaction.value());
        delete.executeUpdate();
    }

    /**
     * The terms of many transactions, in one batch; like {@link #remove(TransactionId)}, after what was added so far
     * (what waits to be written is written first when it holds terms of one of them, and otherwise keeps waiting to
     * be written in one sorted batch).
     */
    public void removeAll(Iterable<TransactionId> transactions) throws SQLException {
        Set<UUID> removed = new HashSet<>();
        for (TransactionId transaction : transactions) {
            removed.add(transaction.value());
        }
        if (pending.stream().anyMatch(row -> removed.contains(row.transaction()))) {
            flush();
        }
        for (UUID transaction : removed) {
            delete.setObject(1, transaction);
            delete.addBatch();
        }
        delete.executeBatch();
    }

    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(INDEX_ORDER);
        int batched = 0;
        for (Row row : pending) {
            insert.setString(1, row.term());
            insert.setObject(2, row.transaction());
            insert.setInt(3, row.field());
            insert.setObject(4, row.client());
            insert.setObject(5, row.onDay());
            if (payees) {
                insert.setString(6, row.payee());
            }
            insert.addBatch();
            if (++batched % BATCH == 0) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
        pending.clear();
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
