package app.booksflow.desktop.support;

import app.booksflow.desktop.search.SearchIndex;
import app.booksflow.desktop.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Every row of the search index in key order, as text: what the incremental path and a rebuild must agree on. */
public record SearchSnapshot(List<String> rows) {

    public static SearchSnapshot of(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select term, transaction_id, field, client_id, on_day, payee_key from search_terms "
                            + "order by transaction_id, field, term");
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getInt(3) + " "
                            + result.getString(4) + " " + result.getString(5) + " " + result.getString(6));
                }
            }
            return new SearchSnapshot(rows);
        }));
    }

    /** The index as it is, and as a rebuild from the ledger makes it (the store keeps the rebuilt one). */
    public static SearchSnapshot[] incrementalAndRebuilt(LocalStore store) {
        SearchSnapshot incremental = of(store);
        SearchIndex.rebuild(store);
        return new SearchSnapshot[] {incremental, of(store)};
    }
}
