package app.booksflow.desktop.bench;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrNatives;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.Preprocessing;
import app.booksflow.desktop.receipts.imports.ExtractingReader;
import app.booksflow.desktop.receipts.imports.ImportFileState;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.TempFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Our bulk import and our OCR against the plain {@code tesseract} command, in one run on the same picture
 * files with the same number of parallel workers, all with {@code OMP_THREAD_LIMIT=1} and the same English
 * data: files per second for each. The bulk import is the whole path a folder takes in the app (queue,
 * hashing, the copy into the receipt store, preparation, OCR, field extraction, one commit per receipt into
 * real books); the engine alone is timed from its creation, language loading included, with and without
 * preparation. Rounds alternate so that a change in the machine's load hits every side; then the
 * per-receipt time of our engine on one worker (median, p95). PDFs are left out: the command reads pictures only.
 */
public final class OcrThroughputBenchmark {

    /** One timed pass. */
    record Pass(String who, int files, double seconds, List<Long> millis, long cpuMillisPerFile) {

        double filesPerSecond() {
            return files / seconds;
        }
    }

    private static final String CLI_PSM = System.getProperty("bench.ocr.cli.psm", "6");

    private OcrThroughputBenchmark() {
    }

    /** Arguments: picture files (the caller chooses them), workers, rounds. */
    public static void run(List<Path> files, int workers, int rounds) throws Exception {
        List<Path> pictures = files.stream().filter(OcrThroughputBenchmark::isPicture).toList();
        String tesseract = findTesseract();
        Path tessdata = OcrNatives.prepare().tessdata();
        System.out.printf(Locale.ROOT, "%nThroughput: %d picture files, %d worker(s), %d round(s), OMP_THREAD_LIMIT=%s, "
                + "load %s%n", pictures.size(), workers, rounds, System.getenv("OMP_THREAD_LIMIT"), load());
        if (tesseract == null) {
            System.out.println("  The tesseract command is NOT INSTALLED: only our engine is measured. Install it with "
                    + "`apt-get update && apt-get install -y tesseract-ocr` (or run desktop-app/bench/ocr-throughput.sh).");
        } else {
            System.out.println("  command: " + tesseract + " (" + version(tesseract) + "), data " + tessdata + ", --psm " + CLI_PSM);
        }
        List<Pass> imports = new ArrayList<>();
        List<Pass> ours = new ArrayList<>();
        List<Pass> oursPlain = new ArrayList<>();
        List<Pass> command = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            imports.add(print(bulkImport(pictures, workers)));
            ours.add(print(engine(pictures, workers, Preprocessing.DEFAULT, "BooksFlow OCR, default preparation")));
            if (tesseract != null) {
                command.add(print(command(tesseract, tessdata, pictures, workers)));
            }
            oursPlain.add(print(engine(pictures, workers, Preprocessing.NONE, "BooksFlow OCR, no preparation")));
        }
        if (!command.isEmpty()) {
            double cli = best(command);
            System.out.printf(Locale.ROOT, "  best of rounds: bulk import %.2f files/s = %.0f %% of the command (%.2f files/s); "
                            + "OCR engine alone %.2f files/s = %.0f %%; engine without preparation %.2f files/s = %.0f %%%n",
                    best(imports), 100 * best(imports) / cli, cli, best(ours), 100 * best(ours) / cli,
                    best(oursPlain), 100 * best(oursPlain) / cli);
        }
        Pass single = engine(pictures, 1, Preprocessing.DEFAULT, "BooksFlow OCR, one worker (per-receipt time)");
        print(single);
        List<Long> photos = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            if (pictures.get(i).getFileName().toString().endsWith(".jpg")) {
                photos.add(single.millis().get(i));
            }
        }
        System.out.printf(Locale.ROOT, "  one worker: median %d ms, p95 %d ms per receipt (wall, at load %s); JPEG photos only (%d): "
                        + "median %d ms, p95 %d ms; CPU %d ms per receipt%n", Stats.percentile(single.millis(), 50),
                Stats.percentile(single.millis(), 95), load(), photos.size(), Stats.percentile(photos, 50),
                Stats.percentile(photos, 95), single.cpuMillisPerFile());
    }

    private static double best(List<Pass> passes) {
        return passes.stream().mapToDouble(Pass::filesPerSecond).max().orElse(0);
    }

    private static Pass print(Pass pass) {
        System.out.printf(Locale.ROOT, "  %-46s %6.2f files/s (%d files in %.1f s), median %d ms, p95 %d ms%s, load %s%n",
                pass.who(), pass.filesPerSecond(), pass.files(), pass.seconds(), Stats.percentile(pass.millis(), 50),
                Stats.percentile(pass.millis(), 95), pass.cpuMillisPerFile() < 0 ? ""
                        : ", CPU " + pass.cpuMillisPerFile() + " ms per file (engine start included)", load());
        return pass;
    }

    /** The pictures imported as one folder into new books, timed from the engine's creation to the last commit. */
    private static Pass bulkImport(List<Path> pictures, int workers) throws Exception {
        Path work = Files.createTempDirectory("booksflow-bench-import");
        try (TestBooks books = TestBooks.open(work.resolve("books"))) {
            Client client = books.ukClient("Benchmark Trading Ltd");
            Path folder = Files.createDirectories(work.resolve("receipts"));
            for (Path picture : pictures) {
                Files.copy(picture, folder.resolve(picture.getFileName()));
            }
            long start = System.nanoTime();
            long cpu = OcrPreparationBenchmark.processCpuNanos();
            try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(workers))) {
                ReceiptImporter importer = new ReceiptImporter(books.store, books.ledger, books.clock, "benchmark",
                        () -> engine, new ExtractingReader(books.ledger.vendorRules(), Clock.systemDefaultZone()),
                        () -> Locale.UK);
                importer.importFolder(client.id(), folder);
                importer.runUntilIdle(() -> false);
                Map<ImportFileState, Integer> counts = importer.snapshot().batches().get(0).counts();
                if (counts.getOrDefault(ImportFileState.DONE, 0) != pictures.size()) {
                    throw new IllegalStateException("The bulk import did not take every file: " + counts);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long perFile = Math.round(seconds * 1000 * workers / pictures.size());
            return new Pass("BooksFlow bulk import (whole path)", pictures.size(), seconds,
                    java.util.Collections.nCopies(pictures.size(), perFile),
                    (OcrPreparationBenchmark.processCpuNanos() - cpu) / 1_000_000 / pictures.size());
        } finally {
            TempFolders.delete(work);
        }
    }

    private static Pass engine(List<Path> pictures, int workers, Preprocessing preprocessing, String who) throws Exception {
        long start = System.nanoTime();
        long cpu = OcrPreparationBenchmark.processCpuNanos();
        List<Long> millis = new ArrayList<>();
        try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(workers)
                .withPreprocessing(preprocessing))) {
            List<Future<OcrOutcome>> futures = pictures.stream().map(engine::submit).toList();
            for (Future<OcrOutcome> future : futures) {
                OcrOutcome outcome = future.get();
                if (!(outcome instanceof OcrOutcome.Read)) {
                    throw new IllegalStateException(outcome.file() + " was refused: " + ((OcrOutcome.Refused) outcome).reason());
                }
                millis.add(outcome.took().toMillis());
            }
        }
        return new Pass(who, pictures.size(), (System.nanoTime() - start) / 1e9, millis,
                (OcrPreparationBenchmark.processCpuNanos() - cpu) / 1_000_000 / pictures.size());
    }

    private static Pass command(String tesseract, Path tessdata, List<Path> pictures, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (Path picture : pictures) {
                futures.add(pool.submit(() -> runCommand(tesseract, tessdata, picture)));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> future : futures) {
                millis.add(future.get());
            }
            return new Pass("tesseract command", pictures.size(), (System.nanoTime() - start) / 1e9, millis, -1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static long runCommand(String tesseract, Path tessdata, Path picture) throws IOException, InterruptedException {
        long start = System.nanoTime();
        // --psm 6: the page segmentation our engine uses (tess4j keeps the library's default, one block of
        // text); the command's own default (3, automatic layout) does more work per page.
        ProcessBuilder builder = new ProcessBuilder(tesseract, picture.toString(), "stdout", "--tessdata-dir", tessdata.toString(),
                "-l", "eng", "--dpi", "300", "--psm", CLI_PSM);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            out.readAllBytes();
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("tesseract failed on " + picture);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String findTesseract() {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "tesseract");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String version(String tesseract) {
        try {
            Process process = new ProcessBuilder(tesseract, "--version").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            process.waitFor();
            return first.strip();
        } catch (IOException e) {
            return "version unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "version unknown";
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".tif")
                || name.endsWith(".tiff");
    }
}
