package app.booksflow.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.RandomBookkeeper;
import app.booksflow.desktop.support.RandomBookkeeper.Outcome;
import app.booksflow.desktop.support.SearchSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incrementally maintained dashboards and search index equal a rebuild from the ledger, to the
 * minor unit, after every random sequence of operations (and refused operations change nothing at all). Each seed is a
 * new client in one shared store, so later sequences also run against a store that is no longer empty.
 */
class DashboardConsistencyTest {

    private static final int OPERATIONS = 60;

    @TempDir
    static Path dir;
    private static TestBooks books;
    private static final List<Path> RECEIPT_FILES = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        books = TestBooks.open(dir.resolve("books"));
        Path originals = Files.createDirectories(dir.resolve("originals"));
        for (int i = 0; i < 4; i++) {
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) i, 1, 2, 3};
            RECEIPT_FILES.add(Files.write(originals.resolve("receipt-" + i + ".jpg"), jpeg));
        }
    }

    @AfterAll
    static void close() {
        books.close();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void incrementalDashboardsEqualARebuildAfterARandomSequence(long seed) {
        Client client = books.ukClient("Client of seed " + seed);
        RandomBookkeeper bookkeeper = new RandomBookkeeper(books, client, seed, RECEIPT_FILES);
        int refused = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            DashboardSnapshot before = DashboardSnapshot.of(books.store);
            SearchSnapshot searchBefore = SearchSnapshot.of(books.store);
            long auditEvents = auditEvents();
            Outcome outcome = bookkeeper.step();
            if (outcome.refusal().isPresent()) {
                refused++;
                assertThat(DashboardSnapshot.of(books.store)).as("a refused %s changes no dashboard row", outcome.operation())
                        .isEqualTo(before);
                assertThat(auditEvents()).as("a refused operation leaves no audit event").isEqualTo(auditEvents);
                assertThat(SearchSnapshot.of(books.store)).as("a refused %s changes no search term", outcome.operation())
                        .isEqualTo(searchBefore);
            }
        }

        DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(books.store);

        assertThat(snapshots[0].rows())
                .as("seed %d (%d refused):%n%s", seed, refused, String.join("\n", bookkeeper.log()))
                .containsExactlyElementsOf(snapshots[1].rows());
        SearchSnapshot[] search = SearchSnapshot.incrementalAndRebuilt(books.store);
        assertThat(search[0].rows()).as("search index, seed %d:%n%s", seed, String.join("\n", bookkeeper.log()))
                .containsExactlyElementsOf(search[1].rows());
    }

    private static long auditEvents() {
        return books.store.read(session ->
                session.createSelectionQuery("select count(e) from AuditEventEntity e", Long.class).getSingleResult());
    }
}
