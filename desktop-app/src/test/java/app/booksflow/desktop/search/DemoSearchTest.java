package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.DemoBooks;
import app.booksflow.desktop.support.SearchSnapshot;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo practice's books (20,000 transactions) as a first run leaves them, loaded and their search backlog
 * worked through by the app's own loader and indexer ({@link DemoBooks}), are searchable and their
 * search index equals one rebuilt from the ledger.
 */
class DemoSearchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // the first test in a JVM to want the demo's books loads them
    void theDemoLoadIsSearchableAndEqualsARebuild() {
        DemoBooks.copyTo(dir);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            assertThat(SearchBacklog.drain(store)).as("nothing left to index").isZero();
            long transactions = store.read(session -> session.createNativeQuery("select count(*) from transactions",
                    Long.class).getSingleResult());
            assertThat(transactions).isEqualTo(20_000L);
            SearchService search = new SearchService(store);
            String payee = store.read(session -> session.createNativeQuery(
                    "select payee from transactions order by id fetch first 1 rows only", String.class)
                    .getSingleResult());
            String word = payee.split("\\s+")[0];

            assertThat(search.search(word)).isNotEmpty().allSatisfy(hit ->
                    assertThat(hit.payee() + " " + hit.memo()).containsIgnoringCase(word));
            assertThat(search.search("zzzq")).isEmpty();

            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).hasSizeGreaterThan(20_000).containsExactlyElementsOf(snapshots[1].rows());
        }
    }
}
