package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.desktop.support.PlainIndexes;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new device killed during its first sync, once its first page is committed, at a random moment up to
 * {@code booksflow.killWindowMillis} later (while that page reaches the disk and the second is written);
 * then its books open as the app opens them after a crash, which begins a first sync cut short again in new
 * books (ADR 0049), and sync on. Each run is whole when the sync then reaches the server's checksum with the
 * ledger's indexes all there; books not begun again must also hold whole pages (each transaction with its
 * server state). Not among the README's tests: {@code ./mvnw -pl desktop-app surefire:test
 * -Dtest=FirstSyncKillCampaign -Dbooksflow.killRuns=20 -Dbooksflow.killSeed=1}; results in
 * {@code docs/RELIABILITY.md}.
 */
class FirstSyncKillCampaign {

    /** Two pages. */
    private static final int TRANSACTIONS = 2 * SyncEngine.PULL_LIMIT;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES) // about 15 s a run
    void everyKilledFirstSyncComesBackWholeAndSyncsOn() throws Exception {
        int runs = Integer.getInteger("booksflow.killRuns", 10);
        long seed = Long.getLong("booksflow.killSeed", 1);
        int window = Integer.getInteger("booksflow.killWindowMillis", 400);
        String progressFrom = System.getProperty("booksflow.showProgressFrom", "100");
        List<String> broken = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "first-sync-kill");
            load(practice);
            List<String> indexes;
            try (TestBooks reference = TestBooks.open(dir.resolve("reference"))) {
                indexes = PlainIndexes.of(reference.store);
            }
            for (long run = seed; run < seed + runs; run++) {
                Path books = dir.resolve("books-" + run);
                try (TestBooks device = TestBooks.open(books);
                        SyncEngine sync = new SyncEngine(device.ledger.sync(), new TokenStore(books), device.clock)) {
                    sync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                }
                long delay = new Random(run).nextInt(window);
                try (ChildJvm child = ChildJvm.start(FirstSyncMain.class, dir.resolve("device-" + run + ".log"),
                        books.toString(), progressFrom)) {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                            .until(() -> child.lines().contains("PAGE") || !child.isAlive());
                    Thread.sleep(delay);
                    child.kill();
                }
                String outcome = check(practice, books, indexes);
                System.out.printf("first-sync kill run %d, %d ms after the first page: %s%n", run, delay, outcome);
                if (!outcome.startsWith("whole")) {
                    broken.add("run " + run + " (" + delay + " ms): " + outcome);
                }
            }
        }
        assertThat(broken).as("runs not whole").isEmpty();
    }

    /**
     * Opens the books as the app does after a crash: a first sync cut short begins again in new books (ADR 0049);
     * books that did not are whole when their pages are. Either way the sync must then reach the server's books.
     */
    private static String check(Practice practice, Path books, List<String> indexes) {
        LocalStore store;
        try {
            store = LocalStore.open(new DataDirectory(books));
        } catch (RuntimeException e) {
            return "failed to open: " + e.getMessage();
        }
        String found;
        boolean torn;
        try {
            long[] kept = store.readJdbc(c -> {
                try (var count = c.createStatement().executeQuery("""
                        select (select count(*) from transactions where total_minor is not null),
                               (select count(*) from sync_entities where entity_type = 'TRANSACTION'),
                               (select count(*) from sync_cursors)""")) {
                    count.next();
                    return new long[] {count.getLong(1), count.getLong(2), count.getLong(3)};
                }
            });
            boolean indexesWhole = PlainIndexes.of(store).equals(indexes);
            found = kept[0] + " transactions, " + kept[1] + " server states, " + kept[2] + " cursors"
                    + (indexesWhole ? "" : ", indexes differ");
            torn = kept[0] != kept[1] || !indexesWhole;
        } catch (RuntimeException e) {
            found = "unreadable (" + e.getMessage() + ")";
            torn = true;
        }
        Optional<FirstSyncRestart.Restarted> restarted;
        try {
            restarted = FirstSyncRestart.ifCutShort(store, Clock.systemUTC(), stage -> { });
        } catch (RuntimeException e) {
            return "could not begin again after " + found + ": " + e.getMessage();
        }
        try (TestBooks device = TestBooks.of(restarted.map(FirstSyncRestart.Restarted::store).orElse(store));
                SyncEngine sync = new SyncEngine(device.ledger.sync(), new TokenStore(books), device.clock)) {
            if (restarted.isEmpty() && torn) {
                return "torn: " + found;
            }
            sync.syncOnce();
            ClientChecksum serverSum = BooksFlowJson.newMapper().convertValue(
                    practice.accountant.get("/api/v1/sync/checksum?client=" + practice.client.id()).json(),
                    ClientChecksum.class);
            ClientChecksum local = device.ledger.sync().checksum(practice.client.id());
            if (!local.versionsHash().equals(serverSum.versionsHash())
                    || local.counts().get(EntityType.TRANSACTION) != TRANSACTIONS) {
                return "did not converge after " + found;
            }
            if (!PlainIndexes.of(device.store).equals(indexes)) {
                return "synced without the ledger's indexes after " + found;
            }
            return (restarted.isPresent() ? "whole, begun again in new books after " : "whole, ") + found;
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static void load(Practice practice) {
        Device loader = new Device(practice.admin);
        List<Mutation> batch = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            Transaction t = practice.sale(LocalDate.of(2025, 1, 1).plusDays(i % 300), "Customer " + (i % 97), 100 + i);
            batch.add(loader.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
            if (batch.size() == 1_000) {
                loader.pushOk(batch.toArray(Mutation[]::new));
                batch.clear();
            }
        }
    }
}
