package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.store.WholeBooks;
import app.booksflow.server.support.TempFolders;
import app.booksflow.testdata.PracticeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the safety copy (ADR 0041) costs on books just loaded: for each size given (transactions; 20000 is the
 * demo practice itself), the books are loaded, then three times a copy is taken and every row read (the check
 * after an unclean stop), then a copy is stopped halfway (as closing the books does), then the books are
 * closed and the copy put back. Run with
 * {@code java -cp <desktop-app test class path> app.booksflow.desktop.bench.SafetyCopyBenchmark 20000 200000}.
 */
public final class SafetyCopyBenchmark {

    private SafetyCopyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args.length == 0 ? new String[] {"20000"} : args) {
            int transactions = Integer.parseInt(arg);
            Path dir = Files.createTempDirectory("booksflow-safety-copy-bench");
            try {
                run(new DataDirectory(dir), transactions);
            } finally {
                TempFolders.delete(dir);
            }
        }
    }

    /** A copy stopped halfway, as closing the books does: how long the stop takes to end it. */
    private static void stopOneHalfWay(LocalStore store, long copyNanos, int transactions) {
        AtomicReference<String> outcome = new AtomicReference<>("taken");
        Thread copying = Thread.ofPlatform().start(() -> {
            try {
                SafetyCopy.take(store, "after the benchmark's load", Clock.systemUTC());
            } catch (RuntimeException e) {
                outcome.set("stopped (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        });
        try {
            Thread.sleep(Duration.ofNanos(copyNanos / 2));
            long stopping = System.nanoTime();
            store.stopSafetyCopies();
            copying.join();
            System.out.printf(Locale.ROOT, "%,d transactions: a copy stopped halfway ended %d ms after the stop: %s%n",
                    transactions, (System.nanoTime() - stopping) / 1_000_000, outcome.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(DataDirectory directory, int transactions) throws IOException {
        Clock clock = Clock.systemUTC();
        try (LocalStore store = LocalStore.open(directory)) {
            if (transactions == 20_000) {
                DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();
            } else {
                DemoPractice.load(store, PracticeSpec.demo().withTransactions(transactions), clock, client -> { });
            }
            long lastCopy = 0;
            for (int shot = 1; shot <= 3; shot++) {
                long started = System.nanoTime();
                SafetyCopy.Info copy = SafetyCopy.take(store, "after the benchmark's load", clock);
                long copied = System.nanoTime();
                lastCopy = copied - started;
                Map<String, Long> rows = store.readJdbc(WholeBooks::readEveryRow);
                long read = System.nanoTime();
                System.out.printf(Locale.ROOT, "%,d transactions, shot %d: copy %d ms (%,d KiB; the books' file %,d KiB),"
                        + " every row read %d ms (%,d rows)%n", transactions, shot, (copied - started) / 1_000_000,
                        Files.size(copy.file()) / 1024, Files.size(directory.databaseFile()) / 1024,
                        (read - copied) / 1_000_000, rows.values().stream().mapToLong(Long::longValue).sum());
            }
            stopOneHalfWay(store, lastCopy, transactions);
        }
        long started = System.nanoTime();
        SafetyCopy.restore(directory, clock);
        System.out.printf(Locale.ROOT, "%,d transactions: the copy put back (run into new books, read whole, moved) in"
                + " %d ms%n", transactions, (System.nanoTime() - started) / 1_000_000);
    }
}
