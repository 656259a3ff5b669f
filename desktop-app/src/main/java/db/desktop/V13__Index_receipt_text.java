package db.desktop;

import app.booksflow.desktop.search.ReceiptTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes the receipts already in the books (V12 created the table empty); from then on every write
 * of a receipt keeps its terms. Java, not SQL: the terms come from the tokenizer the search uses. It
 * writes the table as V12 made it (V15 adds the arrival of each row), so it runs on any older books.
 */
public class V13__Index_receipt_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement read = connection.prepareStatement("""
                        select r.id, r.client_id, r.original_name, r.vendor, r.ocr_text from receipts r
                        where not exists (select 1 from receipt_terms t where t.receipt_id = r.id) order by r.id
                        """);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into receipt_terms (receipt_id, term, client_id) values (?, ?, ?)")) {
            read.setFetchSize(100);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    for (String term : ReceiptTerms.terms(rows.getString(3), rows.getString(4), rows.getString(5))) {
                        insert.setObject(1, rows.getObject(1, UUID.class));
                        insert.setString(2, term);
                        insert.setObject(3, rows.getObject(2, UUID.class));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }
}
