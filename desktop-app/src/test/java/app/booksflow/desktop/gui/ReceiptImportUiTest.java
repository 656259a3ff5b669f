package app.booksflow.desktop.gui;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.receipts.ImportFileRow;
import app.booksflow.desktop.gui.receipts.ReceiptImportView;
import app.booksflow.desktop.gui.receipts.ReceiptImportViewModel;
import app.booksflow.desktop.gui.receipts.ReceiptRow;
import app.booksflow.desktop.gui.receipts.ReceiptsView;
import app.booksflow.desktop.gui.receipts.ReceiptsViewModel;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.receipts.imports.ReceiptReader;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The UI stays responsive during a bulk import: the Receipts screen with its import, on real books, the
 * app's task executor and the real OCR engine (two workers), imports a folder of small receipts while an
 * animation timer on the FX thread records the largest gap between two pulses. No gap may exceed 100 ms.
 *
 * <p>The normal build imports {@value #DEFAULT_FILES} files; {@code -Dbooksflow.importUiFiles=500} runs
 * the 500-receipt version of the goal (a few minutes). The 100 ms bound holds the pulses when the machine
 * has a core free (load average below the core count); on a machine whose cores are all taken by other
 * work the system itself leaves the FX thread unscheduled for longer, so there the test bounds only the
 * FX thread's own work in a gap (its CPU time and time blocked on locks) and prints the pulse gaps.
 */
class ReceiptImportUiTest extends FxRobot {

    private static final Logger log = LoggerFactory.getLogger(ReceiptImportUiTest.class);

    static final int DEFAULT_FILES = 80;
    static final long MAX_GAP_MILLIS = 100;
    static final long OVERLOADED_OWN_WORK_MILLIS = 500;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private TestBooks books;
    private Application app;
    private FxTaskExecutor executor;
    private OcrEngine engine;
    private ReceiptImportViewModel imports;
    private ReceiptsViewModel receipts;
    private Client client;
    private final CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openScreen() throws Exception {
        books = TestBooks.open(dir.resolve("data"));
        client = books.ukClient("Hill Street Bakery");
        executor = FxTaskExecutor.withDefaultThreads(failure -> failures.add(failure.error()));
        // As in the app: one worker per core but one, so that the FX thread keeps a core to itself.
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine());
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        ReceiptImporter importer = new ReceiptImporter(books.store, books.ledger, books.clock, USER, () -> engine,
                ReceiptReader.NOTHING, () -> Locale.UK);
        app = FxToolkit.setupApplication(() -> new ScreenApp(() -> {
            receipts = new ReceiptsViewModel(books.ledger, settings, executor, books.clock, USER);
            receipts.clientProperty().set(client.id());
            imports = new ReceiptImportViewModel(importer, executor, Platform::runLater, Duration.ofMillis(100),
                    settings, null);
            imports.clientProperty().set(client.id());
            imports.onReceiptsAdded(receipts::refresh);
            return new ReceiptsView(receipts).withImports(new ReceiptImportView(imports)).root();
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        imports.shutdown();
        executor.shutdown();
        books.close();
    }

    @Test
    @Timeout(600)
    void theWindowKeepsDrawingWhileAFolderOfReceiptsIsImported() throws Exception {
        int count = Integer.getInteger("booksflow.importUiFiles", DEFAULT_FILES);
        Path folder = Files.createDirectories(dir.resolve("quarter"));
        for (int i = 1; i <= count; i++) {
            ImageIO.write(smallReceipt(i), "png", folder.resolve(String.format("receipt-%03d.png", i)).toFile());
        }

        // A first small import loads the classes and builds the cells the measured one uses, as in a session.
        Path warmUp = Files.createDirectories(dir.resolve("warm-up"));
        for (int i = 1; i <= 3; i++) {
            ImageIO.write(smallReceipt(10_000 + i), "png", warmUp.resolve("warm-" + i + ".png").toFile());
        }
        interact(() -> imports.importFolder(warmUp));
        Label countLabel = lookup("#countLabel").query();
        await().atMost(Duration.ofMinutes(2)).until(() -> countLabel.getText().startsWith("3 of 3 files"));
        interact(imports::clearFinished);

        PulseGaps pulses = new PulseGaps();
        interact(pulses::start);
        Thread.sleep(Long.getLong("booksflow.importUiIdleMillis", 300));
        long started = System.nanoTime();
        interact(() -> imports.importFolder(folder));

        String finished = count + " of " + count + " files";
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> countLabel.getText().startsWith(finished));
        long took = System.nanoTime() - started;
        interact(pulses::stop);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        log.info(String.format(Locale.ROOT, "Imported %d receipts in %d ms; largest gap between pulses %d ms, the FX"
                + " thread's own work (CPU and waiting for locks) in a gap at most %d ms; load average %.1f on %d cores;"
                + " gaps: %s", count, took / 1_000_000, pulses.largestGapMillis(), pulses.largestOwnWorkMillis(), load,
                cores, pulses.longGaps()));

        if (load >= 0 && load < cores) {
            // The goal, on a machine whose cores are not all taken by other work.
            assertThat(pulses.largestGapMillis()).as("largest gap between two pulses, ms; gaps %s", pulses.longGaps())
                    .isLessThanOrEqualTo(MAX_GAP_MILLIS);
            assertThat(pulses.largestOwnWorkMillis()).as("FX thread's own work in one gap, ms; gaps %s",
                    pulses.longGaps()).isLessThanOrEqualTo(MAX_GAP_MILLIS);
        } else {
            // Overloaded (other builds on every core): a thread the system does not run stalls whatever it does,
            // so only what would show the FX thread doing the import's work (OCR, database) is caught here.
            assertThat(pulses.largestOwnWorkMillis()).as("FX thread's own work in one gap, ms; gaps %s",
                    pulses.longGaps()).isLessThanOrEqualTo(OVERLOADED_OWN_WORK_MILLIS);
        }
        assertThat(countLabel.getText()).isEqualTo(finished + " · " + count + " imported");
        TableView<ImportFileRow> table = lookup("#fileTable").query();
        assertThat(table.getItems()).hasSize(count);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(count + 3);
        ListView<ReceiptRow> list = lookup("#receiptList").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> list.getItems().size() == count + 3);
        assertThat(failures).isEmpty();
    }

    /**
     * Gaps between FX pulses, and for each the FX thread's own part: its CPU time and the time it waited
     * for a lock. A gap the thread spent neither working nor blocked is the system not running it.
     */
    private static final class PulseGaps extends AnimationTimer {
        private long last;
        private long lastCpu;
        private long lastBlocked;
        private long started;
        private long largestGap;
        private long largestOwnWork;
        private final List<String> longGaps = new CopyOnWriteArrayList<>();

        @Override
        public void start() {
            THREADS.setThreadContentionMonitoringEnabled(true);
            super.start();
        }

        @Override
        public void handle(long now) {
            long time = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long blocked = THREADS.getThreadInfo(Thread.currentThread().threadId()).getBlockedTime() * 1_000_000;
            if (last == 0) {
                started = time;
            } else {
                long gap = time - last;
                long own = cpu - lastCpu + blocked - lastBlocked;
                largestGap = Math.max(largestGap, gap);
                largestOwnWork = Math.max(largestOwnWork, own);
                if (gap > 50_000_000L) {
                    longGaps.add(String.format("%d ms (own %d ms) at +%d ms", gap / 1_000_000, own / 1_000_000,
                            (time - started) / 1_000_000));
                }
            }
            last = time;
            lastCpu = cpu;
            lastBlocked = blocked;
        }

        long largestGapMillis() {
            return largestGap / 1_000_000;
        }

        long largestOwnWorkMillis() {
            return largestOwnWork / 1_000_000;
        }

        List<String> longGaps() {
            return longGaps;
        }
    }

    /** A two-line receipt, small so that many are read quickly. */
    private static BufferedImage smallReceipt(int number) {
        BufferedImage image = new BufferedImage(420, 110, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            g.drawString("SHOP " + number, 20, 45);
            g.drawString("TOTAL " + number + ".50", 20, 90);
        } finally {
            g.dispose();
        }
        return image;
    }
}
