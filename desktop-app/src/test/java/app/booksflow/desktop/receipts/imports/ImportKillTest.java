package app.booksflow.desktop.receipts.imports;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.receipt.Receipt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import whose process is killed midway (no shutdown hook, no finally) goes on at the next start:
 * every file that was reported done has its receipt, no receipt exists without its file marked done,
 * and after the rest is read each file has exactly one receipt.
 */
class ImportKillTest {

    private static final int FILES = 12;

    @TempDir
    Path dir;

    @Test
    void aKilledImportGoesOnAtTheNextStartWithoutLosingOrRepeatingAFile() throws Exception {
        Path books = dir.resolve("books");
        UUID batch;
        ClientId client;
        try (TestBooks before = TestBooks.open(books)) {
            client = before.ukClient("Hill Street Bakery").id();
            for (int i = 1; i <= FILES; i++) {
                ImportFixtures.receipt(dir.resolve("in"), String.format("r%02d.png", i), i);
            }
            batch = new ImportQueue(before.store).enqueue(client, "test", FolderScan.scan(List.of(dir.resolve("in"))),
                    before.clock.instant());
        }

        int reportedDone;
        try (ChildJvm child = ChildJvm.start(ImportKillMain.class, dir.resolve("child.log"), books.toString())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                    .until(() -> doneIn(child.lines()) >= 3 || !child.isAlive());
            assertThat(child.lines()).as("the child is still importing (see child.log)").noneMatch("IDLE"::equals);
            child.kill();
            reportedDone = doneIn(child.lines());
        }
        assertThat(reportedDone).isBetween(3, FILES - 1);

        try (TestBooks after = TestBooks.open(books)) {
            ImportQueue queue = new ImportQueue(after.store);
            List<ImportQueue.FileRow> rows = queue.files(batch);
            long doneRows = rows.stream().filter(row -> row.state() == ImportFileState.DONE).count();
            // H2 now and then comes back from a kill at a state before writes it had checkpointed (ADR 0042;
            // twice in this test in the clean-clone builds of 2026-11-28). Such books must say so, and the import
            // must still end with every file exactly once. Books that say nothing hold every file reported done.
            if (after.store.writesLostInCrash() == 0) {
                assertThat(doneRows).as("files done in the books").isGreaterThanOrEqualTo(reportedDone);
            }
            assertThat(after.ledger.receipts().list(client, Optional.empty())).hasSize((int) doneRows);

            try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(2))) {
                ReceiptImporter importer = new ReceiptImporter(after.store, after.ledger, after.clock, USER,
                        () -> engine, ReceiptReader.NOTHING, () -> Locale.UK);
                assertThat(importer.load()).isEqualTo(FILES - (int) doneRows);
                importer.runUntilIdle(() -> false);
            }

            assertThat(queue.files(batch)).extracting(ImportQueue.FileRow::state).containsOnly(ImportFileState.DONE);
            List<Receipt> receipts = after.ledger.receipts().list(client, Optional.empty());
            assertThat(receipts).hasSize(FILES);
            assertThat(receipts.stream().map(r -> r.file().sha256()).distinct()).hasSize(FILES);
            assertThat(receipts.stream().map(r -> r.file().originalName()).distinct()).hasSize(FILES);
        }
    }

    private static int doneIn(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("DONE ")).mapToInt(line -> Integer.parseInt(line.substring(5)))
                .max().orElse(0);
    }
}
