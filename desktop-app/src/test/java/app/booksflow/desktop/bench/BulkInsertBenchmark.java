package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoLoad;
import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.testdata.PracticeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100,000 transactions (with their receipts) written into a new store in one batch, with the daily
 * dashboards maintained in the same database transaction: the path an import or the first run's demo
 * takes. {@code committed} ends when the books and dashboards are committed (the transactions listed
 * for search); {@code searchable} goes on until the search indexer has written their terms. Generating
 * the rows is included; it takes about a tenth of a second.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class BulkInsertBenchmark {

    private Path folder;
    private LocalStore store;

    @Setup(Level.Iteration)
    public void openEmptyStore() throws IOException {
        folder = Files.createTempDirectory("booksflow-bulk-insert");
        store = LocalStore.open(new DataDirectory(folder));
    }

    @TearDown(Level.Iteration)
    public void deleteStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public DemoLoad committed() {
        return load();
    }

    @Benchmark
    public long searchable() {
        load();
        return SearchBacklog.drain(store);
    }

    private DemoLoad load() {
        return DemoPractice.load(store, PracticeSpec.demo().withClients(1).withTransactions(100_000), Clock.systemUTC(),
                client -> { }).orElseThrow();
    }
}
