package app.booksflow.desktop.search;

import app.booksflow.desktop.store.LedgerRows;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the search index from the ledger. The write paths keep it up to date incrementally and
 * never call this; it is the reference they are tested against, and the repair should they drift.
 */
public final class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private SearchIndex() {
    }

    public static void rebuild(LocalStore store) {
        long start = System.nanoTime();
        store.runInTransaction(SearchIndex::rebuild);
        log.info("Rebuilt the search index in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Within the caller's write transaction; everything is indexed, so nothing is left waiting in the backlog. */
    public static void rebuild(Session session) {
        session.doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from search_pending");
            }
            rebuild(connection);
        });
    }

    /** On the caller's connection and so in its transaction. */
    public static void rebuild(Connection connection) throws SQLException {
        rebuild(connection, new SearchTermWriter(connection));
    }

    /**
     * The migration (V3) that indexed older books, from before the backlog's table existed: their terms as its
     * schema held them, without the payee that V18 adds and fills.
     */
    public static void rebuildWithoutPayees(Connection connection) throws SQLException {
        rebuild(connection, SearchTermWriter.withoutPayees(connection));
    }

    private static void rebuild(Connection connection, SearchTermWriter writer) throws SQLException {
        try (writer; Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from search_terms");
            List<ClientId> clients = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select id from clients order by id")) {
                while (rows.next()) {
                    clients.add(new ClientId(rows.getObject(1, UUID.class)));
                }
            }
            for (ClientId client : clients) {
                LedgerRows.forEachTransaction(connection, client, false, transaction -> {
                    try {
                        writer.add(transaction);
                    } catch (SQLException e) {
                        // Terms are written in batches, so the failing row may be another transaction's.
                        throw new IllegalStateException("Could not index the transactions: " + e.getMessage(), e);
                    }
                });
            }
        }
    }
}
