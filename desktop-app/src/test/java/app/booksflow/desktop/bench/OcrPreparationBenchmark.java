package app.booksflow.desktop.bench;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.Preprocessing;
import app.booksflow.desktop.ocr.Preprocessing.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * What each preparation step earns: the same drawn receipts (one flaw each: slant, quarter turns, tiny
 * print, low contrast, noise and blur, photo on a desk) read with no preparation, with the default steps,
 * with the default minus each step and plus each optional one. Reports, per configuration, how often the
 * vendor, the date and the total appear verbatim in the OCR text, per flaw, and the time per receipt.
 *
 * <p>{@code ./mvnw -pl desktop-app -am -Pbench-ocr verify -Dbench.ocr.only=preparation} (arguments: receipts,
 * seed, workers). Needs {@code OMP_THREAD_LIMIT=1}, which the profile sets.
 */
public final class OcrPreparationBenchmark {

    private static final boolean VERBOSE = Boolean.getBoolean("bench.ocr.verbose");

    private OcrPreparationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 21;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path folder = Path.of(System.getProperty("bench.ocr.folder", "target/bench-ocr")).resolve("drawn-" + seed);
        List<DrawnReceipts.Drawn> receipts = DrawnReceipts.write(folder, count, seed);
        System.out.printf(Locale.ROOT, "%d drawn receipts in %s, %d worker(s), OMP_THREAD_LIMIT=%s%n", count, folder, workers,
                System.getenv("OMP_THREAD_LIMIT"));

        Map<String, Preprocessing> configurations = new LinkedHashMap<>();
        configurations.put("none", Preprocessing.NONE);
        configurations.put("default", Preprocessing.DEFAULT);
        for (Step step : Preprocessing.DEFAULT.steps().stream().sorted().toList()) {
            configurations.put("default - " + step, Preprocessing.DEFAULT.without(step));
        }
        for (Step step : Step.values()) {
            if (!Preprocessing.DEFAULT.has(step)) {
                configurations.put("default + " + step, Preprocessing.DEFAULT.with(step));
            }
        }
        String only = System.getProperty("bench.ocr.configurations", "");
        if (!only.isBlank()) {
            configurations.keySet().retainAll(List.of(only.split(",")));
        }

        System.out.printf(Locale.ROOT, "%-28s %7s %7s %7s %7s | %s | %9s %9s %9s %9s%n", "configuration", "vendor", "date",
                "total", "all 3", "all 3 found, per flaw", "median", "p95", "wall", "cpu/rcpt");
        for (Map.Entry<String, Preprocessing> configuration : configurations.entrySet()) {
            run(configuration.getKey(), configuration.getValue(), receipts, workers);
        }
    }

    private static void run(String name, Preprocessing preprocessing, List<DrawnReceipts.Drawn> receipts, int workers)
            throws Exception {
        OcrEngine.Settings settings = OcrEngine.Settings.forThisMachine().withWorkers(workers).withPreprocessing(preprocessing);
        try (OcrEngine engine = new OcrEngine(settings)) {
            // One file per worker first: loading the language data is not what is measured.
            List<Future<OcrOutcome>> warmUp = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                warmUp.add(engine.submit(receipts.get(i % receipts.size()).file()));
            }
            for (Future<OcrOutcome> future : warmUp) {
                future.get();
            }
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            List<Future<OcrOutcome>> futures = receipts.stream().map(r -> engine.submit(r.file())).toList();
            int vendors = 0;
            int dates = 0;
            int totals = 0;
            int all = 0;
            Map<DrawnReceipts.Flaw, int[]> perFlaw = new EnumMap<>(DrawnReceipts.Flaw.class);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < receipts.size(); i++) {
                DrawnReceipts.Drawn receipt = receipts.get(i);
                OcrOutcome outcome = futures.get(i).get();
                millis.add(outcome.took().toMillis());
                String text = outcome instanceof OcrOutcome.Read read ? normalized(read.text()) : "";
                boolean vendor = text.contains(receipt.vendor());
                boolean date = text.contains(receipt.date());
                boolean total = Pattern.compile("(?<![\\d.])" + Pattern.quote(receipt.total()) + "(?![\\d])").matcher(text).find();
                vendors += vendor ? 1 : 0;
                dates += date ? 1 : 0;
                totals += total ? 1 : 0;
                all += vendor && date && total ? 1 : 0;
                int[] counts = perFlaw.computeIfAbsent(receipt.flaw(), flaw -> new int[2]);
                counts[0] += vendor && date && total ? 1 : 0;
                counts[1]++;
                if (VERBOSE && !(vendor && date && total)) {
                    System.out.printf(Locale.ROOT, "  %s missed%s%s%s: %s%n", receipt.file().getFileName(), vendor ? "" : " vendor",
                            date ? "" : " date", total ? "" : " total", text.replace('\n', '|'));
                }
            }
            long wall = System.nanoTime() - start;
            long cpu = processCpuNanos() - cpuStart;
            StringBuilder flaws = new StringBuilder();
            perFlaw.forEach((flaw, counts) -> flaws.append(String.format(Locale.ROOT, "%s %d/%d ",
                    flaw.name().toLowerCase(Locale.ROOT), counts[0], counts[1])));
            int n = receipts.size();
            System.out.printf(Locale.ROOT, "%-28s %6.1f%% %6.1f%% %6.1f%% %6.1f%% | %s| %6d ms %6d ms %7.1f s %6d ms%n", name,
                    100.0 * vendors / n, 100.0 * dates / n, 100.0 * totals / n, 100.0 * all / n, flaws,
                    Stats.percentile(millis, 50), Stats.percentile(millis, 95), wall / 1e9, cpu / 1_000_000 / n);
        }
    }

    /** CPU time of the whole process: unlike wall time, hardly moved by other programs on a shared machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Upper case, runs of spaces as one: the comparison ignores layout, not letters. */
    static String normalized(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[ \\t]+", " ");
    }
}
