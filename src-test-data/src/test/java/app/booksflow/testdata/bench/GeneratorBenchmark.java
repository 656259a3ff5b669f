package app.booksflow.testdata.bench;

import app.booksflow.testdata.GeneratedClient;
import app.booksflow.testdata.GeneratedPractice;
import app.booksflow.testdata.GeneratedTransaction;
import app.booksflow.testdata.PracticeGenerator;
import app.booksflow.testdata.PracticeSpec;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long generating {@link PracticeSpec#large()} takes: the practice set-up, and streaming all
 * 1,000,000 transactions (with their receipts) on one core and on all cores. The fork gets a 256 MB
 * heap on purpose: the stream must not hold what it has yielded.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class GeneratorBenchmark {

    private GeneratedPractice practice;

    @Setup(Level.Trial)
    public void generatePractice() {
        practice = PracticeGenerator.generate(PracticeSpec.large());
    }

    @Benchmark
    public GeneratedPractice setUpLargePractice() {
        return PracticeGenerator.generate(PracticeSpec.large());
    }

    @Benchmark
    public void streamMillionTransactions(Blackhole blackhole) {
        blackhole.consume(practice.transactions().mapToLong(GeneratorBenchmark::weigh).sum());
    }

    @Benchmark
    public void streamMillionTransactionsInParallel(Blackhole blackhole) {
        blackhole.consume(practice.clients().parallelStream()
                .flatMap(GeneratedClient::transactions).mapToLong(GeneratorBenchmark::weigh).sum());
    }

    /** Touches the amounts and the receipt, so that nothing generated can be optimised away. */
    private static long weigh(GeneratedTransaction generated) {
        long size = generated.receipt().map(receipt -> receipt.file().size()).orElse(0L);
        return generated.transaction().total().minorUnits() + generated.transaction().splits().size() + size;
    }
}
