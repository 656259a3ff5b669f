package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed without warning (as by a power cut of the process: no shutdown hook, no finally)
 * leaves a store that opens, holds every transaction it reported as committed, holds no half-written
 * transaction, and whose dashboards still equal a rebuild from the ledger.
 */
class CrashConsistencyTest {

    private static final int COMMITS_BEFORE_THE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLosesNothingItReportedAndLeavesNothingHalfWritten() throws Exception {
        Path books = dir.resolve("books");
        long reportedTransactions;
        long reportedWrites;
        try (ChildJvm writer = ChildJvm.start(CrashWriterMain.class, dir.resolve("writer.log"), books.toString())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> committed(writer.lines())[0] >= COMMITS_BEFORE_THE_KILL || !writer.isAlive());
            assertThat(writer.isAlive()).as("the writer is still writing (see writer.log)").isTrue();
            writer.kill();
            long[] reported = committed(writer.lines());
            reportedTransactions = reported[0];
            reportedWrites = reported[1];
        }

        assertThat(Files.readString(new DataDirectory(books).lockFile())).as("the writer counted its saved writes")
                .containsPattern("\\nsaved [0-9]{19}\\n");
        try (LocalStore store = LocalStore.open(new DataDirectory(books))) {
            assertThat(store.leftOpenBefore()).as("the killed writer never closed the books").isTrue();
            assertThat(store.writesLostInCrash()).as("the books hold every write the writer's lock file counted")
                    .isZero();
            LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
            Client client = ledger.clients().list().get(0);
            List<Transaction> transactions = new ArrayList<>();
            // Rebuilt through the domain constructor: a transaction whose splits do not add up would throw.
            store.read(session -> {
                session.doWork(connection -> LedgerRows.forEachTransaction(connection, client.id(), false,
                        transactions::add));
                return null;
            });
            assertThat(transactions).hasSizeGreaterThanOrEqualTo((int) reportedTransactions);
            assertThat(withoutSplits(store)).isZero();
            assertThat(auditEvents(store)).isGreaterThanOrEqualTo(reportedWrites);

            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).isNotEmpty().containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    /** The last {@code COMMITTED <transactions> <writes>} line. */
    private static long[] committed(List<String> lines) {
        long[] last = {0, 0};
        for (String line : lines) {
            if (line.startsWith("COMMITTED ")) {
                String[] parts = line.split(" ");
                last = new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
            }
        }
        return last;
    }

    private static long withoutSplits(LocalStore store) {
        return store.read(session -> session.createNativeQuery("""
                select count(*) from transactions t where not exists (select 1 from splits s where s.transaction_id = t.id)
                """, Long.class).getSingleResult());
    }

    private static long auditEvents(LocalStore store) {
        return store.read(session ->
                session.createSelectionQuery("select count(e) from AuditEventEntity e", Long.class).getSingleResult());
    }
}
