package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.DemoBooks;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo practice's books (20,000 transactions) as a first run leaves them, loaded and their search backlog
 * worked through by the app's own loader and indexer ({@link DemoBooks}), are searchable: every transaction
 * is in the index and nothing else is. That the indexer's terms equal a rebuild's is shown by
 * {@link SearchBacklogTest} on a load of the same generator across several of its batches (a rebuild of
 * these books alone takes half a minute).
 */
class DemoSearchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // the first test in a JVM to want the demo's books loads them
    void theDemoLoadIsSearchable() {
        DemoBooks.copyTo(dir);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            assertThat(SearchBacklog.drain(store)).as("nothing left to index").isZero();
            long transactions = store.read(session -> session.createNativeQuery("select count(*) from transactions",
                    Long.class).getSingleResult());
            assertThat(transactions).isEqualTo(20_000L);
            long indexed = store.read(session -> session.createNativeQuery(
                    "select count(distinct transaction_id) from search_terms", Long.class).getSingleResult());
            long strays = store.read(session -> session.createNativeQuery("select count(*) from search_terms t where"
                    + " not exists (select 1 from transactions x where x.id = t.transaction_id)", Long.class)
                    .getSingleResult());
            assertThat(indexed).as("transactions in the index").isEqualTo(transactions);
            assertThat(strays).as("terms of no transaction").isZero();
            SearchService search = new SearchService(store);
            String payee = store.read(session -> session.createNativeQuery(
                    "select payee from transactions order by id fetch first 1 rows only", String.class)
                    .getSingleResult());
            String word = payee.split("\\s+")[0];

            assertThat(search.search(word)).isNotEmpty().allSatisfy(hit ->
                    assertThat(hit.payee() + " " + hit.memo()).containsIgnoringCase(word));
            assertThat(search.search("zzzq")).isEmpty();
        }
    }
}
