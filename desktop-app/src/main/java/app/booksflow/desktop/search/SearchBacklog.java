package app.booksflow.desktop.search;

import app.booksflow.desktop.store.LedgerRows;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions committed without their search terms, and the indexer that writes them.
 *
 * <p>Single writes index their transaction in their own database transaction ({@link SearchDelta}).
 * A bulk load of tens of thousands of transactions instead lists them here, one narrow row each in the
 * same transaction as the ledger rows and dashboards, and commits: its books and figures are there at
 * once, and the terms (about nine rows per transaction in two indexes, more than half of what such a
 * load costs) follow in chunks, each a write transaction of its own that gives way to a single write
 * waiting for the books ({@link Chunks}). The list is committed with the ledger rows, so a load cut short
 * by a crash is indexed at the next start; until then search does not find the listed transactions. A
 * chunk's commit is not forced to disk: a crash loses its terms together with its taking off the list, so
 * it is indexed again.
 */
public final class SearchBacklog {

    /** The most transactions per indexing transaction (about a second of work among 100,000 listed). */
    public static final int CHUNK = 2_000;
    /** Transactions written between two looks for a write waiting behind the chunk. */
    static final int STEP = 100;

    private static final Logger log = LoggerFactory.getLogger(SearchBacklog.class);
    private static final String FIRST = "select transaction_id from search_pending order by transaction_id limit ?";
    private static final String UP_TO = "select transaction_id from search_pending where transaction_id <= ?";

    /** How far the indexer got, and whether it should stop at the end of the chunk it is on. */
    interface Progress {
        void indexed(long done, long total);

        boolean stopRequested();
    }

    private SearchBacklog() {
    }

    /** Lists transactions through batched JDBC on the caller's connection, and so in the caller's transaction. */
    public static final class Writer implements AutoCloseable {

        private static final int BATCH = 1_000;

        private final PreparedStatement insert;
        private int pending;

        public Writer(Connection connection) throws SQLException {
            insert = connection.prepareStatement("insert into search_pending (transaction_id) values (?)");
        }

        public void add(TransactionId transaction) throws SQLException {
            insert.setObject(1, transaction.value());
            insert.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
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
            }
        }
    }

    /** How many transactions wait for their terms; plain JDBC, so it does not wait for Hibernate's start-up. */
    public static long pending(LocalStore store) {
        return store.readJdbc(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from search_pending");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Indexes everything listed, chunk by chunk, each chunk committed on its own, in the calling thread
     * (the app goes chunk by chunk through {@link Chunks#indexNext(LocalStore)} instead, one task each).
     *
     * @return how many listed transactions were taken off the list
     */
    public static long drain(LocalStore store) {
        return drain(store, CHUNK, new Progress() {
            @Override
            public void indexed(long done, long total) {
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        });
    }

    /** As {@link #drain(LocalStore)}, stopping between chunks once {@code stop} says so. */
    public static long drain(LocalStore store, BooleanSupplier stop) {
        return drain(store, CHUNK, new Progress() {
            @Override
            public void indexed(long done, long total) {
            }

            @Override
            public boolean stopRequested() {
                return stop.getAsBoolean();
            }
        });
    }

    static long drain(LocalStore store, int chunk, Progress progress) {
        long start = System.nanoTime();
        long total = pending(store);
        long done = 0;
        Chunks chunks = new Chunks(chunk);
        while (!progress.stopRequested()) {
            int indexed = chunks.indexNext(store);
            if (indexed == 0) {
                break;
            }
            done += indexed;
            progress.indexed(done, Math.max(total, done));
        }
        if (done > 0) {
            log.info("Indexed {} transactions for search in {} ms", done, (System.nanoTime() - start) / 1_000_000);
        }
        return done;
    }

    /**
     * The indexer's chunks, each a write transaction of its own: up to {@link #CHUNK} transactions while no other
     * write waits for the books; a chunk that gave way to one (see {@link #indexNext(Connection, int,
     * BooleanSupplier)}) makes the next one half as long, down to a {@link #STEP}, and one that did not makes it
     * twice as long again. While the accountant writes, a chunk reads and writes little, so their writes wait
     * for little; while nobody does, chunks are long and the backlog goes fast.
     */
    public static final class Chunks {

        private final int longest;
        private int next;

        public Chunks() {
            this(CHUNK);
        }

        Chunks(int longest) {
            this.longest = longest;
            this.next = longest;
        }

        /**
         * Indexes the next chunk of listed transactions in a write transaction of its own.
         *
         * @return how many were taken off the list; 0 when it was empty
         */
        public int indexNext(LocalStore store) {
            int size = next;
            int taken = store.inDerivedTransaction(connection -> SearchBacklog.indexNext(connection, size, store::writeWaiting));
            next = taken < size ? Math.max(STEP, size / 2) : Math.min(longest, size * 2);
            return taken;
        }
    }

    /**
     * Writes the terms of the first listed transactions (in id order) and takes them off the list, in the
     * caller's transaction. A listed transaction that a single write indexed meanwhile is indexed afresh;
     * one deleted meanwhile is only taken off. Every {@link #STEP} transactions it asks {@code giveWay}
     * whether another write waits for the books, and if one does it ends the chunk there: that write then
     * waits for a step, not for the chunk.
     *
     * @return how many were taken off the list; 0 when it was empty
     */
    static int indexNext(Connection connection, int chunk, BooleanSupplier giveWay) throws SQLException {
        List<UUID> listed = new ArrayList<>(chunk);
        try (PreparedStatement statement = connection.prepareStatement(FIRST)) {
            statement.setInt(1, chunk);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    listed.add(rows.getObject(1, UUID.class));
                }
            }
        }
        if (listed.isEmpty()) {
            return 0;
        }
        UUID last = listed.get(listed.size() - 1);
        List<Transaction> transactions = new ArrayList<>(listed.size());
        LedgerRows.forEachListed(connection, UP_TO, List.of(last), transactions::add);
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            order.put(listed.get(i), i);
        }
        transactions.sort(Comparator.comparing(t -> order.get(t.id().value()))); // H2's order, which the list's is
        UUID upTo = last;
        try (SearchTermWriter writer = new SearchTermWriter(connection)) {
            for (int from = 0; from < transactions.size(); from += STEP) {
                List<Transaction> step = transactions.subList(from, Math.min(from + STEP, transactions.size()));
                writer.removeAll(step.stream().map(Transaction::id).toList());
                for (Transaction transaction : step) {
                    writer.add(transaction);
                }
                if (from + STEP < transactions.size() && giveWay.getAsBoolean()) {
                    upTo = step.getLast().id().value();
                    break;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from search_pending where transaction_id <= ?")) {
            statement.setObject(1, upTo);
            return statement.executeUpdate();
        }
    }
}
