package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.MutableClock;
import app.booksflow.desktop.support.SearchSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo practice (20,000 transactions) is searchable once its backlog is indexed, and quickly. */
class DemoSearchTest {

    private static final Logger log = LoggerFactory.getLogger(DemoSearchTest.class);

    @TempDir
    Path dir;

    @Test
    void theDemoLoadIsSearchableAndEqualsARebuild() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.loadIfEmpty(store, new MutableClock(Instant.parse("2026-01-02T08:00:00Z")), client -> { })
                    .orElseThrow();
            assertThat(SearchBacklog.drain(store)).isEqualTo(20_000);
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
