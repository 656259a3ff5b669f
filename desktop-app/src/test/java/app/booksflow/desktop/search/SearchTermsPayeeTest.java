package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.OlderBooks;
import app.booksflow.desktop.support.SearchSnapshot;
import app.booksflow.testdata.PracticeSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payee carried by each payee and memo term (V18): equal to its transaction's payee as the payee index holds
 * it, whether written by the indexer or filled by the migration over books indexed before it.
 */
class SearchTermsPayeeTest {

    @TempDir
    Path dir;

    @Test
    void theIndexerWritesTheRowsPayeeOnPayeeAndMemoTermsOnly() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir.resolve("data")))) {
            DemoPractice.load(store, PracticeSpec.tiny(), Clock.systemUTC(), client -> { });
            assertThat(SearchBacklog.drain(store)).isPositive();
            assertThat(outOfStep(store)).isZero();
            assertThat(carried(store, "field in (2, 3)")).isZero();
            assertThat(carried(store, "field in (0, 1)")).isPositive();
        }
    }

    @Test
    void theMigrationFillsTermsWrittenBeforeItAndRunsAgainSafely() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        SearchSnapshot indexed;
        try (LocalStore store = LocalStore.open(data)) {
            DemoPractice.load(store, PracticeSpec.tiny(), Clock.systemUTC(), client -> { });
            SearchBacklog.drain(store);
            indexed = SearchSnapshot.of(store);
        }
        // Books indexed by the version before V18: its schema, its term rows (no payee on them).
        String url = "jdbc:h2:file:" + data.database();
        int later = OlderBooks.before(url, "18", "drop index search_terms_by_client_field_payee",
                "alter table search_terms drop column payee_key");
        assertThat(OlderBooks.migrate(url)).isEqualTo(later).isPositive();
        String script = new String(getClass().getResourceAsStream("/db/desktop/V18__search_terms_payee.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
        try (LocalStore store = LocalStore.open(data)) {
            assertThat(SearchSnapshot.of(store)).isEqualTo(indexed);
            assertThat(outOfStep(store)).isZero();
            SearchSnapshot[] incrementalAndRebuilt = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(incrementalAndRebuilt[0]).isEqualTo(incrementalAndRebuilt[1]);
        }
    }

    /** Payee and memo terms whose payee is not their transaction's (or is missing). */
    private static long outOfStep(LocalStore store) {
        return store.read(session -> session.createNativeQuery("""
                select count(*) from search_terms st join transactions t on t.id = st.transaction_id
                where st.field in (0, 1) and (st.payee_key is null or st.payee_key <> t.payee_key)
                """, Long.class).getSingleResult());
    }

    private static long carried(LocalStore store, String fields) {
        return store.read(session -> session.createNativeQuery(
                "select count(*) from search_terms where payee_key is not null and " + fields, Long.class)
                .getSingleResult());
    }
}
