package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helper run in a child JVM by {@link ImportKillTest}: takes up the books' import queue and reads it
 * with one OCR worker, printing {@code DONE <n>} each time a file's receipt has committed. The parent
 * kills it midway.
 */
public final class ImportKillMain {

    private ImportKillMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalStore store = LocalStore.open(new DataDirectory(Path.of(args[0])));
        LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
        ReceiptImporter importer = new ReceiptImporter(store, ledger, Clock.systemUTC(), "import-killer",
                () -> new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1)), ReceiptReader.NOTHING,
                () -> Locale.UK);
        AtomicInteger printed = new AtomicInteger();
        importer.addListener(() -> {
            int done = importer.snapshot().count(ImportFileState.DONE);
            if (done > printed.getAndSet(done)) {
                System.out.println("DONE " + done);
                System.out.flush();
            }
        });
        System.out.println("WAITING " + importer.load());
        importer.runUntilIdle(() -> false);
        System.out.println("IDLE");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
