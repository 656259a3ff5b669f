package db.desktop;

import app.booksflow.desktop.store.TextKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The payee key (the ledger's payee order, V4) becomes a column the app fills with {@link TextKeys#lower},
 * instead of one the database computed with its {@code lower()}, which follows the language of the JVM
 * that wrote the row: books kept on a Turkish machine hold "ıkea" for "IKEA", which sorts after "z" and
 * which typing "ikea" does not find. Keys that differ from the app's are written again, on the row and on
 * its payee and memo terms (V18). Java, not SQL: the database cannot lower text in a fixed language.
 * Reads every row once; in books written in English nothing else changes.
 */
public class V20__Payee_keys_in_every_language extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table transactions alter column payee_key drop expression");
        }
        try (PreparedStatement read = connection.prepareStatement("select id, payee, payee_key from transactions");
                PreparedStatement row = connection.prepareStatement("update transactions set payee_key = ? where id = ?");
                PreparedStatement terms = connection.prepareStatement(
                        "update search_terms set payee_key = ? where transaction_id = ? and field in (0, 1)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    String key = TextKeys.lower(rows.getString(2));
                    if (key.equals(rows.getString(3))) {
                        continue;
                    }
                    UUID id = rows.getObject(1, UUID.class);
                    for (PreparedStatement update : new PreparedStatement[] {row, terms}) {
                        update.setString(1, key);
                        update.setObject(2, id);
                        update.addBatch();
                    }
                    if (++pending == BATCH) {
                        row.executeBatch();
                        terms.executeBatch();
                        pending = 0;
                    }
                }
            }
            row.executeBatch();
            terms.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table transactions alter column payee_key set not null");
        }
    }
}
