package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.MutableClock;
import app.booksflow.desktop.support.SearchSnapshot;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk load leaves its transactions to the indexer, which makes exactly the index a rebuild would. */
class SearchBacklogTest {

    private static final PracticeSpec SMALL = PracticeSpec.demo().withClients(2).withTransactions(2_400);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T08:00:00Z"));

    @Test
    void aBulkLoadIsFoundOnlyOnceIndexedAndThenEqualsARebuild() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, SMALL, clock, client -> { }).orElseThrow();
            String payee = firstPayee(store);
            SearchService search = new SearchService(store);

            assertThat(SearchBacklog.pending(store)).isEqualTo(2_400);
            assertThat(search.search(payee)).isEmpty();

            List<long[]> progress = new ArrayList<>();
            long indexed = SearchBacklog.drain(store, 1_000, listener(progress, Integer.MAX_VALUE));

            assertThat(indexed).isEqualTo(2_400);
            assertThat(progress).extracting(step -> step[0]).containsExactly(1_000L, 2_000L, 2_400L);
            assertThat(progress).extracting(step -> step[1]).containsOnly(2_400L);
            assertThat(SearchBacklog.pending(store)).isZero();
            assertThat(search.search(payee)).isNotEmpty();
            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).hasSizeGreaterThan(2_400).containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    @Test
    void aStoppedIndexerLeavesTheRestListedAndTheNextStartFinishesIt() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, SMALL, clock, client -> { }).orElseThrow();

            long indexed = SearchBacklog.drain(store, 1_000, listener(new ArrayList<>(), 1));

            assertThat(indexed).isEqualTo(1_000);
            assertThat(SearchBacklog.pending(store)).isEqualTo(1_400);
        }
        try (LocalStore reopened = LocalStore.open(new DataDirectory(dir))) {
            assertThat(SearchBacklog.pending(reopened)).isEqualTo(1_400);

            assertThat(SearchBacklog.drain(reopened)).isEqualTo(1_400);

            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(reopened);
            assertThat(snapshots[0].rows()).containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    @Test
    void aListedTransactionEditedOrDeletedMeanwhileIsIndexedAsItEndsUp() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, SMALL, clock, client -> { }).orElseThrow();
            LedgerServices ledger = new LedgerServices(store, clock);
            List<UUID> newest = store.read(session -> session.createNativeQuery(
                    "select id from transactions order by date desc, id fetch first 2 rows only", UUID.class).getResultList());
            StoredTransaction edited = ledger.transactions().find(new TransactionId(newest.get(0))).orElseThrow();
            Transaction before = edited.transaction();
            ledger.transactions().edit(new Transaction(before.id(), before.client(), before.date(), "Zanzibar Quills",
                    before.memo(), before.bankAccount(), before.total(), before.status(), before.splits()),
                    edited.version(), "ana");
            ledger.transactions().delete(new TransactionId(newest.get(1)), "ana");

            // The edit indexed its transaction at once, listed or not.
            assertThat(new SearchService(store).search("zanzibar")).extracting(SearchHit::transaction)
                    .containsExactly(before.id());
            assertThat(SearchBacklog.drain(store)).isEqualTo(2_400);

            assertThat(new SearchService(store).search("zanzibar")).extracting(SearchHit::transaction)
                    .containsExactly(before.id());
            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    @Test
    void aChunkGivesWayToAWriteThatWaitsForTheBooks() throws Exception {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, SMALL, clock, client -> { }).orElseThrow();
            LedgerServices ledger = new LedgerServices(store, clock);
            TransactionId deleted = new TransactionId(store.read(session -> session.createNativeQuery(
                    "select id from transactions order by date desc, id fetch first 1 rows only", UUID.class)
                    .getSingleResult()));
            AtomicReference<Thread> write = new AtomicReference<>();

            int taken = store.inDerivedTransaction(connection -> {
                write.set(Thread.ofPlatform().start(() -> ledger.transactions().delete(deleted, "ana")));
                await().atMost(Duration.ofSeconds(10)).until(store::writeWaiting);
                return SearchBacklog.indexNext(connection, 1_000, store::writeWaiting);
            });
            write.get().join();

            assertThat(taken).as("one step, then the write went first").isEqualTo(SearchBacklog.STEP);
            assertThat(SearchBacklog.pending(store)).isEqualTo(2_400 - SearchBacklog.STEP);
            assertThat(ledger.transactions().find(deleted)).isEmpty();
            assertThat(SearchBacklog.drain(store)).isEqualTo(2_400 - SearchBacklog.STEP);
            SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    @Test
    void aRebuildIndexesEverythingAndEmptiesTheList() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, SMALL, clock, client -> { }).orElseThrow();

            SearchIndex.rebuild(store);

            assertThat(SearchBacklog.pending(store)).isZero();
            assertThat(new SearchService(store).search(firstPayee(store))).isNotEmpty();
        }
    }

    private static String firstPayee(LocalStore store) {
        return store.read(session -> session.createNativeQuery(
                "select payee from transactions order by id fetch first 1 rows only", String.class).getSingleResult());
    }

    /** Records each step; asks to stop once {@code chunks} chunks were reported. */
    private static SearchBacklog.Progress listener(List<long[]> steps, int chunks) {
        return new SearchBacklog.Progress() {
            @Override
            public void indexed(long done, long total) {
                steps.add(new long[] {done, total});
            }

            @Override
            public boolean stopRequested() {
                return steps.size() >= chunks;
            }
        };
    }
}
