package db.desktop;

import app.booksflow.desktop.search.ReceiptTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes the receipts already in the books (V12 created the table empty); from then on every write
 * of a receipt keeps its terms. Java, not SQL: the terms come from the tokenizer the search uses.
 */
public class V13__Index_receipt_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ReceiptTerms.rebuild(context.getConnection());
    }
}
