package db.desktop;

import app.booksflow.desktop.search.SearchIndex;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the search index (created empty by V2) from the transactions books kept before search
 * existed; from then on every write keeps it. Java, not SQL: the terms come from the same
 * tokenizer the search uses. Lives beside the SQL migrations so that Flyway finds it in
 * {@code classpath:db/desktop}, outside the application's layered packages.
 */
public class V3__Index_existing_transactions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SearchIndex.rebuildWithoutPayees(context.getConnection());
    }
}
