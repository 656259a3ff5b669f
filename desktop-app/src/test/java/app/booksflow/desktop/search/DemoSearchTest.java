package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.DemoBooks;
import app.booksflow.desktop.support.SearchSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo practice's books (20,000 transactions) as a first run leaves them, loaded and their search backlog
 * worked through by the app's own loader and indexer ({@link DemoBooks}), are searchable, quickly, and their
 * search index equals one rebuilt from the ledger.
 */
class DemoSearchTest {

    private static final Logger log = LoggerFactory.getLogger(DemoSearchTest.class);

    @TempDir
    Path dir;

    @Test
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

            for (String query : List.of("a", "1", word.substring(0, Math.min(3, word.length())), word, "12", "zzzq")) {
                search.search(query); // warm up
                long start = System.nanoTime();
                int rounds = 5;
                int found = 0;
                for (int i = 0; i < rounds; i++) {
                    found = search.search(query).size();
                }
                log.info("Search '{}' on the demo practice: {} hits, {} ms each", query, found,
                        (System.nanoTime() - start) / 1_000_000 / rounds);
            }
            assertThat(search.search(word)).isNotEmpty().allSatisfy(hit ->
                    assertThat(hit.payee() + " " + hit.memo()).containsIgnoringCase(word));

            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).hasSizeGreaterThan(20_000).containsExactlyElementsOf(snapshots[1].rows());
        }
    }
}
