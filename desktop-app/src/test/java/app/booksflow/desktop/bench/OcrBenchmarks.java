package app.booksflow.desktop.bench;

import app.booksflow.desktop.ocr.OcrEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The receipt OCR benchmarks of issue 5, on one generated labeled set: accuracy per field of OCR plus
 * extraction (overall and per country, layout, format and degradation, with the misread fields), and
 * throughput against the {@code tesseract} command on the same files. Optionally what each preparation
 * step earns ({@link OcrPreparationBenchmark}).
 *
 * <p>{@code ./mvnw -pl desktop-app -am -Pbench-ocr verify}; system properties {@code bench.ocr.receipts}
 * (300), {@code bench.ocr.seed} (2026), {@code bench.ocr.workers} (2), {@code bench.ocr.run}
 * ({@code accuracy,throughput}; throughput on the first {@code bench.ocr.throughput.receipts} (150); add {@code preparation} and {@code targeted} for what each preparation step earns), {@code bench.ocr.labeled} (read an existing
 * folder with labels.jsonl instead of generating one).
 */
public final class OcrBenchmarks {

    private OcrBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.ocr.receipts", 300);
        long seed = Long.getLong("bench.ocr.seed", 2026);
        int workers = Integer.getInteger("bench.ocr.workers", 2);
        Set<String> run = Set.of(System.getProperty("bench.ocr.run", "accuracy,throughput").split(","));
        Path root = Path.of(System.getProperty("bench.ocr.folder", "target/bench-ocr"));
        System.out.printf(Locale.ROOT, "OCR benchmarks: %s; %d receipts, seed %d, %d worker(s), %d cores, OMP_THREAD_LIMIT=%s, "
                        + "load %s, JDK %s%n", run, count, seed, workers, Runtime.getRuntime().availableProcessors(),
                System.getenv("OMP_THREAD_LIMIT"), OcrThroughputBenchmark.load(), Runtime.version());

        List<LabeledReceipt> receipts = BenchReceipts.labeled(root, count, seed);
        if (run.contains("accuracy")) {
            try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(workers))) {
                ReceiptAccuracy.Report report = ReceiptAccuracy.measure(receipts, engine, LocalDate.of(2026, 11, 26));
                System.out.printf("%nAccuracy (OCR + extraction, default preparation):%n");
                System.out.print(ReceiptAccuracy.describe(report, List.of("country", "layout", "format", "degradation", "heavy"),
                        Integer.getInteger("bench.ocr.examples", 60)));
            }
        }
        if (run.contains("throughput")) {
            List<java.nio.file.Path> files = receipts.stream().map(LabeledReceipt::file).toList();
            OcrThroughputBenchmark.run(files.subList(0, Math.min(files.size(), Integer.getInteger("bench.ocr.throughput.receipts",
                    150))), workers, Integer.getInteger("bench.ocr.rounds", 2));
        }
        if (run.contains("preparation")) {
            OcrPreparationBenchmark.run(receipts.subList(0, Math.min(receipts.size(),
                    Integer.getInteger("bench.ocr.preparation.receipts", 120))), workers);
        }
        if (run.contains("targeted")) {
            OcrPreparationBenchmark.runTargeted(root, Integer.getInteger("bench.ocr.targeted.receipts", 10), seed, workers);
        }
        if (Files.exists(root)) {
            System.out.println("\nFiles under " + root.toAbsolutePath());
        }
    }
}
