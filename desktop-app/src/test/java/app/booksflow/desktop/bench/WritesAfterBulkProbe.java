package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.server.support.TempFolders;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Single writes right after a large load and its search terms: each write's time (commit and checkpoint
 * included), to see whether the books' background work after a bulk write holds single writes back. With
 * {@code during}, the writes are made while the load's search terms are written, chunk by chunk, beside them.
 * Run by hand: {@code java -cp <test class path> app.booksflow.desktop.bench.WritesAfterBulkProbe [transactions]
 * [writes] [after|during]}.
 */
public final class WritesAfterBulkProbe {

    private WritesAfterBulkProbe() {
    }

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean during = args.length > 2 && args[2].equals("during");
        Path folder = TempFolders.createRemovedOnExit("booksflow-writes-after-bulk");
        try (TestBooks books = TestBooks.open(folder)) {
            long loading = System.nanoTime();
            DemoPractice.load(books.store, PracticeSpec.demo().withClients(1).withTransactions(transactions),
                    Clock.systemUTC(), client -> { }).orElseThrow();
            System.out.printf("loaded %,d transactions in %.1f s%n", transactions, (System.nanoTime() - loading) / 1e9);
            long indexing = System.nanoTime();
            Thread indexer = Thread.ofPlatform().name("search-backlog").start(() -> {
                long indexed = SearchBacklog.drain(books.store);
                System.out.printf("indexed %,d for search in %.1f s%n", indexed, (System.nanoTime() - indexing) / 1e9);
            });
            if (!during) {
                indexer.join();
            }

            Client client = books.ledger.clients().list().getFirst();
            Transaction model = books.ledger.transactions().list(client.id(), LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31)).getFirst()
                    .transaction();
            long started = System.nanoTime();
            List<Long> micros = new ArrayList<>();
            List<Long> whileIndexing = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                boolean indexerBusy = indexer.isAlive();
                long writing = System.nanoTime();
                StoredTransaction stored = books.ledger.transactions().create(new Transaction(TransactionId.random(),
                        model.client(), LocalDate.now(), "Probe " + i, model.memo(), model.bankAccount(), model.total(),
                        model.status(), model.splits()), TestBooks.USER);
                long took = (System.nanoTime() - writing) / 1_000;
                micros.add(took);
                if (indexerBusy && indexer.isAlive()) {
                    whileIndexing.add(took);
                }
                if (took > 300_000) {
                    System.out.printf("write %d at %.1f s: %,d ms (version %d)%n", i,
                            (writing - started) / 1e9, took / 1_000, stored.version());
                }
                Thread.sleep(100);
            }
            System.out.printf("%d single writes %s the search terms: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", writes,
                    during ? "while the indexer writes" : "after",
                    Stats.percentile(micros, 50) / 1e3, Stats.percentile(micros, 95) / 1e3,
                    Stats.percentile(micros, 100) / 1e3);
            if (!whileIndexing.isEmpty()) {
                System.out.printf("%d of them begun and ended while the indexer wrote: p50 %.0f ms, p95 %.0f ms, "
                        + "max %.0f ms%n", whileIndexing.size(), Stats.percentile(whileIndexing, 50) / 1e3,
                        Stats.percentile(whileIndexing, 95) / 1e3, Stats.percentile(whileIndexing, 100) / 1e3);
            }
            indexer.join();
        }
    }
}
