package app.booksflow.desktop.support;

import app.booksflow.desktop.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The plain indexes of the tables a first sync fills, and those set aside (ADR 0048), as the books hold them. */
public final class PlainIndexes {

    private PlainIndexes() {
    }

    /** The statements H2 gives for the plain indexes of transactions, splits and sync_entities, sorted. */
    public static List<String> of(LocalStore store) {
        return store.inDerivedTransaction(c -> {
            List<String> found = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet script = statement.executeQuery("script nodata table transactions, splits, sync_entities")) {
                while (script.next()) {
                    if (script.getString(1).startsWith("CREATE INDEX")) {
                        found.add(script.getString(1));
                    }
                }
            }
            found.sort(null);
            return found;
        });
    }

    /** The names of the indexes recorded as set aside. */
    public static List<String> setAside(LocalStore store) {
        return store.readJdbc(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select name from deferred_indexes order by name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
