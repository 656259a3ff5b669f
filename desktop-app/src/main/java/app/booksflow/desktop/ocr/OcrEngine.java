package app.booksflow.desktop.ocr;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads receipts (JPEG, PNG, TIFF, PDF) on a pool of worker threads, each with its own Tesseract.
 * Every file gives an {@link OcrOutcome}: its text per page, or a refusal with a reason; a bad file
 * never throws.
 *
 * <p>Tesseract's own threads (OpenMP) are limited with {@code OMP_THREAD_LIMIT=1}: the pool already keeps
 * every core busy. On Linux and macOS {@link OpenMpLimit} sets it when the JVM was started without it; on
 * Windows it must be in the environment the JVM starts with.
 */
public final class OcrEngine implements AutoCloseable {

    /**
     * @param workers  how many files are read at once
     * @param imageDpi the resolution Tesseract assumes for JPEG, PNG and TIFF input
     * @param preprocessing how each page picture is prepared before Tesseract reads it
     */
    public record Settings(int workers, int imageDpi, OcrLimits limits, Preprocessing preprocessing) {

        public Settings {
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(preprocessing, "preprocessing");
            if (workers < 1 || imageDpi < 70) {
                throw new IllegalArgumentException("at least one worker and 70 dpi");
            }
        }

        public Settings(int workers, int imageDpi, OcrLimits limits) {
            this(workers, imageDpi, limits, Preprocessing.DEFAULT);
        }

        /** One worker per core but one, so the window stays responsive; at least one. */
        public static Settings forThisMachine() {
            return new Settings(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 300, OcrLimits.DEFAULT);
        }

        public Settings withWorkers(int count) {
            return new Settings(count, imageDpi, limits, preprocessing);
        }

        public Settings withLimits(OcrLimits newLimits) {
            return new Settings(workers, imageDpi, newLimits, preprocessing);
        }

        public Settings withPreprocessing(Preprocessing steps) {
            return new Settings(workers, imageDpi, limits, steps);
        }
    }

    private final Settings settings;
    private final ExecutorService pool;
    private final FileOcr files;
    private final Queue<TesseractWorker> created = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<TesseractWorker> tesseract;

    /**
     * Unpacks the libraries if needed and starts the pool.
     *
     * @throws OcrUnavailableException when OCR cannot run on this computer (message for the user)
     */
    public OcrEngine(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        OcrNatives.Installation natives = OcrNatives.prepare();
        this.files = new FileOcr(settings.limits());
        this.tesseract = ThreadLocal.withInitial(() -> {
            TesseractWorker worker = new TesseractWorker(natives, settings.imageDpi(), settings.preprocessing());
            created.add(worker);
            return worker;
        });
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            // Below the window's threads: OCR uses whole cores, the user should not feel it.
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                task.run();
            }, "ocr-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(settings.workers(), threads);
    }

    public Settings settings() {
        return settings;
    }

    /** Queues a file; cancelling the future with interruption stops between pages. */
    public Future<OcrOutcome> submit(Path file) {
        Objects.requireNonNull(file, "file");
        return pool.submit(() -> files.read(file, tesseract.get()));
    }

    /** Reads one file and waits for it. */
    public OcrOutcome read(Path file) throws InterruptedException {
        try {
            return submit(file).get();
        } catch (ExecutionException e) {
            // FileOcr turns every failure into a refusal; this is a bug, not a bad file.
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                return; // a worker is still inside Tesseract: freeing its engine now would crash it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        TesseractWorker worker;
        while ((worker = created.poll()) != null) {
            worker.release();
        }
    }
}
