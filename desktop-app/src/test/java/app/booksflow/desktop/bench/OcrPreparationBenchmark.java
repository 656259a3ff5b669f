package app.booksflow.desktop.bench;

import app.booksflow.desktop.bench.ReceiptAccuracy.Field;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.Preprocessing;
import app.booksflow.desktop.ocr.Preprocessing.Step;
import app.booksflow.testdata.receipts.Degradation;
import app.booksflow.testdata.receipts.FileFormat;
import app.booksflow.testdata.receipts.LabeledReceipts;
import app.booksflow.testdata.receipts.ReceiptOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each preparation step earns on the labeled receipts: the same set read with no preparation, each
 * step alone, the default steps, the default minus each step and plus each optional one. Per configuration:
 * accuracy per field after extraction, receipts with total, date and vendor all right (overall and for the
 * degradations a step is meant for), and CPU time per receipt (the process's CPU time, which other programs
 * on a shared machine hardly move, unlike wall time).
 *
 * <p>Run with {@code -Dbench.ocr.run=preparation} in the bench-ocr profile; {@code -Dbench.ocr.configurations=none,default}
 * picks configurations.
 */
public final class OcrPreparationBenchmark {

    /** Degradations whose receipts are shown on their own: the ones preparation steps address. */
    private static final List<String> WATCHED = List.of("none", "rotate_90", "rotate_180", "rotate_270", "skew",
            "low_resolution", "low_contrast", "faded_thermal", "blur", "noise");

    /** For each degradation the generator makes, the steps meant for it. */
    private static final Map<Degradation, List<String>> TARGETED = new EnumMap<>(Map.of(
            Degradation.SKEW, List.of("default - DESKEW"),
            Degradation.LOW_RESOLUTION, List.of("default - UPSCALE"),
            Degradation.ROTATE_90, List.of("default - ORIENTATION"),
            Degradation.ROTATE_180, List.of("default - ORIENTATION"),
            Degradation.ROTATE_270, List.of("default - ORIENTATION"),
            Degradation.LOW_CONTRAST, List.of("default + CONTRAST", "default + LOCAL_THRESHOLD"),
            Degradation.FADED_THERMAL, List.of("default + CONTRAST", "default + LOCAL_THRESHOLD"),
            Degradation.NOISE, List.of("default + LOCAL_THRESHOLD"),
            Degradation.BLUR, List.of("default + LOCAL_THRESHOLD")));

    private OcrPreparationBenchmark() {
    }

    /**
     * One small set per degradation (JPEG pictures with exactly that degradation, strength drawn), each read
     * with no preparation, the default, and the default without (or with) the steps meant for it.
     */
    public static void runTargeted(Path root, int perSet, long seed, int workers) throws Exception {
        System.out.printf(Locale.ROOT, "%nPreparation steps on targeted sets: %d JPEG receipts per degradation, load %s%n", perSet,
                OcrThroughputBenchmark.load());
        System.out.printf(Locale.ROOT, "  %-15s %-26s %6s %6s %6s %6s %8s%n", "degradation", "configuration", "total", "date",
                "vendor", "all 3", "cpu/rcpt");
        for (Map.Entry<Degradation, List<String>> target : TARGETED.entrySet()) {
            Path folder = root.resolve("targeted-" + target.getKey().label() + "-" + seed + "-" + perSet);
            if (!BenchReceipts.complete(folder, perSet)) {
                LabeledReceipts.write(folder, perSet, seed, ReceiptOptions.REALISTIC.withFormat(FileFormat.JPEG)
                        .withDegradations(target.getKey()));
            }
            List<LabeledReceipt> receipts = LabelsFile.read(folder);
            List<String> names = new java.util.ArrayList<>(List.of("none", "default"));
            names.addAll(target.getValue());
            for (String name : names) {
                ReceiptAccuracy.Report report = measured(configuration(name), receipts, workers);
                System.out.printf(Locale.ROOT, "  %-15s %-26s %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5d ms%n", target.getKey().label(),
                        name, report.overall(Field.TOTAL).percent(), report.overall(Field.DATE).percent(),
                        report.overall(Field.VENDOR).percent(), report.allThree().percent(), lastCpuPerReceipt);
            }
        }
    }

    private static Preprocessing configuration(String name) {
        if (name.equals("none")) {
            return Preprocessing.NONE;
        }
        if (name.equals("default")) {
            return Preprocessing.DEFAULT;
        }
        Step step = Step.valueOf(name.substring(name.lastIndexOf(' ') + 1));
        return name.startsWith("default - ") ? Preprocessing.DEFAULT.without(step) : Preprocessing.DEFAULT.with(step);
    }

    private static long lastCpuPerReceipt;

    private static ReceiptAccuracy.Report measured(Preprocessing preprocessing, List<LabeledReceipt> receipts, int workers)
            throws Exception {
        try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(workers)
                .withPreprocessing(preprocessing))) {
            // One receipt per worker first: loading the language data is not what is compared.
            ReceiptAccuracy.measure(receipts.subList(0, Math.min(workers, receipts.size())), engine, LocalDate.of(2026, 11, 26));
            long cpu = processCpuNanos();
            ReceiptAccuracy.Report report = ReceiptAccuracy.measure(receipts, engine, LocalDate.of(2026, 11, 26));
            lastCpuPerReceipt = (processCpuNanos() - cpu) / 1_000_000 / receipts.size();
            return report;
        }
    }

    public static void run(List<LabeledReceipt> receipts, int workers) throws Exception {
        Map<String, Preprocessing> configurations = new LinkedHashMap<>();
        configurations.put("none", Preprocessing.NONE);
        for (Step step : Step.values()) {
            configurations.put("only " + step, Preprocessing.of(step));
        }
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
            configurations.keySet().retainAll(Set.of(only.split(",")));
        }
        System.out.printf(Locale.ROOT, "%nPreparation steps: %d labeled receipts, %d worker(s), load %s%n", receipts.size(),
                workers, OcrThroughputBenchmark.load());
        System.out.printf(Locale.ROOT, "  %-26s %6s %6s %6s %6s %6s %6s | %s | %7s %7s %8s%n", "configuration", "total", "date",
                "vendor", "tax", "curr.", "all 3", "all 3 right per degradation", "median", "p95", "cpu/rcpt");
        for (Map.Entry<String, Preprocessing> configuration : configurations.entrySet()) {
            measure(configuration.getKey(), configuration.getValue(), receipts, workers);
        }
    }

    private static void measure(String name, Preprocessing preprocessing, List<LabeledReceipt> receipts, int workers)
            throws Exception {
        ReceiptAccuracy.Report report = measured(preprocessing, receipts, workers);
        long cpuPerReceipt = lastCpuPerReceipt;
        StringBuilder degradations = new StringBuilder();
        Map<String, ReceiptAccuracy.Tally> perDegradation = report.allThreeBy("degradation");
        for (String degradation : WATCHED) {
            ReceiptAccuracy.Tally tally = perDegradation.get(degradation);
            if (tally != null) {
                degradations.append(String.format(Locale.ROOT, "%s %d/%d ", degradation, tally.right, tally.counted));
            }
        }
        System.out.printf(Locale.ROOT, "  %-26s %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% | %s| %4d ms %4d ms %5d ms%n",
                name, report.overall(Field.TOTAL).percent(), report.overall(Field.DATE).percent(),
                report.overall(Field.VENDOR).percent(), report.overall(Field.TAX).percent(),
                report.overall(Field.CURRENCY).percent(), report.allThree().percent(), degradations,
                Stats.percentile(report.millis(), 50), Stats.percentile(report.millis(), 95), cpuPerReceipt);
    }

    /** CPU time of the whole process so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
