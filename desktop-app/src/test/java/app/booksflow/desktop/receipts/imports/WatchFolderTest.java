package app.booksflow.desktop.receipts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch folder imports each file once, and only once it has been written completely. */
class WatchFolderTest {

    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static OcrEngine engine;

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private ReceiptImporter importer;

    @BeforeAll
    static void startEngine() {
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        importer = new ReceiptImporter(books.store, books.ledger, books.clock, TestBooks.USER, () -> engine,
                ReceiptReader.NOTHING, Locale::getDefault);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void closingRightAfterStartingNeitherFailsOnItsThreadNorLeavesAWatchOpen() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("scans"));
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        long inotifyBefore = openInotifyHandles();
        try {
            for (int i = 0; i < 300; i++) {
                WatchFolder.start(importer, client.id(), watched, INTERVAL, n -> { }).close();
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(uncaught).isEmpty();
        assertThat(openInotifyHandles()).isEqualTo(inotifyBefore);
    }

    /** The system's change-event handles this process holds open (Linux; elsewhere 0). */
    private static long openInotifyHandles() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        long count = 0;
        try (var entries = Files.list(fds)) {
            for (Path fd : entries.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("inotify")) {
                        count++;
                    }
                } catch (java.io.IOException gone) {
                    // closed meanwhile
                }
            }
        }
        return count;
    }

    @Test
    void aFileWrittenSlowlyIsImportedOnceAfterItIsComplete() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("scans"));
        Path drawn = ImportFixtures.receipt(dir.resolve("drawn"), "scan.png", 4);
        byte[] bytes = Files.readAllBytes(drawn);
        AtomicInteger queued = new AtomicInteger();
        Path target = watched.resolve("scan.png");

        try (WatchFolder watch = WatchFolder.start(importer, client.id(), watched, INTERVAL, queued::addAndGet)) {
            try (OutputStream out = Files.newOutputStream(target)) {
                int chunk = bytes.length / 12 + 1;
                for (int from = 0; from < bytes.length; from += chunk) {
                    out.write(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk)));
                    out.flush();
                    Thread.sleep(INTERVAL.toMillis() / 6);
                    assertThat(queued.get()).as("queued while still being written").isZero();
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> queued.get() == 1);
            importer.runUntilIdle(() -> false);
            Thread.sleep(INTERVAL.toMillis() * 4);
        }

        assertThat(queued.get()).isEqualTo(1);
        ImportSnapshot snapshot = importer.snapshot();
        assertThat(snapshot.total()).isEqualTo(1);
        assertThat(snapshot.count(ImportFileState.DONE)).isEqualTo(1);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).singleElement()
                .satisfies(receipt -> assertThat(receipt.file().size()).isEqualTo(bytes.length));

        // Watching again (the next start) does not import it again; a new file is.
        ImportFixtures.receipt(watched, "second.png", 5);
        try (WatchFolder again = WatchFolder.start(importer, client.id(), watched, INTERVAL, queued::addAndGet)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> queued.get() == 2);
            Thread.sleep(INTERVAL.toMillis() * 3);
        }
        assertThat(queued.get()).isEqualTo(2);
        importer.runUntilIdle(() -> false);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(2);
    }

    @Test
    void filesWithATemporaryNameWaitUntilRenamed() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("downloads"));
        AtomicInteger queued = new AtomicInteger();
        Path partial = ImportFixtures.receipt(watched, "receipt.png.part", 6);

        try (WatchFolder watch = WatchFolder.start(importer, client.id(), watched, INTERVAL, queued::addAndGet)) {
            Thread.sleep(INTERVAL.toMillis() * 4);
            assertThat(queued.get()).isZero();
            Files.move(partial, watched.resolve("receipt.png"));
            await().atMost(Duration.ofSeconds(10)).until(() -> queued.get() == 1);
        }
        assertThat(importer.snapshot().batches().get(0).files().get(0).path().getFileName())
                .hasToString("receipt.png");
    }
}
