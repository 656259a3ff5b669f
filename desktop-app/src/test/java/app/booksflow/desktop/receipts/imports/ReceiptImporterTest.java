package app.booksflow.desktop.receipts.imports;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.ReceiptFiles;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainException;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import on real books (H2 in a temporary folder) and the real Tesseract, on small drawn receipts. */
class ReceiptImporterTest {

    private static final BooleanSupplier NEVER = () -> false;
    private static OcrEngine engine;

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private ReceiptImporter importer;

    @BeforeAll
    static void startEngine() {
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(2));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        importer = importer(books, ReceiptReader.NOTHING);
    }

    @AfterEach
    void close() {
        books.close();
    }

    static ReceiptImporter importer(TestBooks books, ReceiptReader reader) {
        return new ReceiptImporter(books.store, books.ledger, books.clock, USER, () -> engine, reader, () -> Locale.UK);
    }

    @Test
    void importsAFolderWithItsSubfoldersKeepingTheTextAndLeavingTheOriginalsAlone() throws Exception {
        Path folder = dir.resolve("quarter");
        Path png = ImportFixtures.receipt(folder, "a.png", 1);
        Path jpeg = ImportFixtures.receipt(folder.resolve("march"), "b.jpg", 2);
        Path pdf = ReceiptFiles.digitalPdf(Files.createDirectories(folder.resolve("march/late")), "c.pdf",
                List.of("HARBOUR BOOKS", "TOTAL 56.78"));
        Files.writeString(folder.resolve(".DS_Store"), "system file");
        Files.setLastModifiedTime(png, FileTime.from(Instant.parse("2025-01-15T10:00:00Z")));
        byte[] before = Files.readAllBytes(png);

        UUID batch = importer.importFolder(client.id(), folder);
        importer.runUntilIdle(NEVER);

        ImportSnapshot.Batch done = importer.snapshot().batches().get(0);
        assertThat(done.id()).isEqualTo(batch);
        assertThat(done.files()).extracting(f -> f.path().getFileName().toString(), ImportSnapshot.File::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.png", ImportFileState.DONE),
                        org.assertj.core.groups.Tuple.tuple("b.jpg", ImportFileState.DONE),
                        org.assertj.core.groups.Tuple.tuple("c.pdf", ImportFileState.DONE));
        List<Receipt> receipts = books.ledger.receipts().list(client.id(), Optional.empty());
        assertThat(receipts).hasSize(3).allMatch(r -> r.status() == ReceiptStatus.NEEDS_REVIEW);
        Receipt first = receipts.stream().filter(r -> r.file().originalName().equals("a.png")).findFirst().orElseThrow();
        assertThat(books.ledger.receipts().ocrText(first.id())).hasValueSatisfying(text ->
                assertThat(text).contains("SHOP 1", "TOTAL"));
        assertThat(Files.readAllBytes(books.ledger.receipts().file(first))).isEqualTo(before);
        assertThat(Files.readAllBytes(png)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(png).toInstant()).isEqualTo(Instant.parse("2025-01-15T10:00:00Z"));
        assertThat(jpeg).exists();
        assertThat(pdf).exists();
        assertThat(importer.queue().unfinishedBatches()).isEmpty();
        assertThat(importer.queue().files(batch)).allSatisfy(row -> assertThat(row.receipt()).isPresent());
    }

    @Test
    void theReadTextMakesAReceiptFindable() throws Exception {
        Path folder = dir.resolve("in");
        ImportFixtures.receipt(folder, "a.png", 1);
        ImportFixtures.receipt(folder, "b.png", 2);
        importer.importFolder(client.id(), folder);
        importer.runUntilIdle(NEVER);

        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "shop 2"))
                .extracting(receipt -> receipt.file().originalName()).containsExactly("b.png");
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), " A.PNG "))
                .extracting(receipt -> receipt.file().originalName()).containsExactly("a.png");
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "sh_p")).as("_ is a character, not a wildcard")
                .isEmpty();
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "100%")).isEmpty();
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "  ")).hasSize(2);
    }

    @Test
    void theFieldsComeFromTheReaderAndSureReadingsNeedNoReview() throws Exception {
        ReceiptReader vendorFromFirstLine = (read, client, locale, currency) -> new ReceiptReader.Reading(
                new ExtractedFields(Optional.of(Extracted.of(read.text().lines().findFirst().orElse("?").strip(), 99)),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Extracted.of(currency, 99))),
                false);
        ReceiptImporter reading = importer(books, vendorFromFirstLine);
        reading.importPaths(client.id(), List.of(ImportFixtures.receipt(dir.resolve("in"), "a.png", 7)), "Dropped files");

        reading.runUntilIdle(NEVER);

        Receipt receipt = books.ledger.receipts().list(client.id(), Optional.empty()).get(0);
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.COMPLETED);
        assertThat(receipt.fields().vendor()).hasValueSatisfying(v -> assertThat(v.value()).isEqualTo("SHOP 7"));
        assertThat(receipt.fields().currency()).hasValueSatisfying(c -> assertThat(c.value().getCurrencyCode())
                .isEqualTo("GBP"));
    }

    @Test
    void theSameContentTwiceInABatchOrAgainLaterIsADuplicateNotASecondReceipt() throws Exception {
        Path folder = dir.resolve("in");
        Path a = ImportFixtures.receipt(folder, "a.png", 1);
        Files.copy(a, folder.resolve("a copy.png"));
        Files.copy(a, folder.resolve("b-same.png"));
        ImportFixtures.receipt(folder, "c.png", 3);

        importer.importFolder(client.id(), folder);
        importer.runUntilIdle(NEVER);

        Map<ImportFileState, Integer> counts = importer.snapshot().batches().get(0).counts();
        assertThat(counts.get(ImportFileState.DONE)).isEqualTo(2);
        assertThat(counts.get(ImportFileState.DUPLICATE)).isEqualTo(2);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(2);

        UUID again = importer.importPaths(client.id(), List.of(a), "Dropped files");
        importer.runUntilIdle(NEVER);

        ImportSnapshot.File repeated = importer.snapshot().batches().stream().filter(b -> b.id().equals(again))
                .findFirst().orElseThrow().files().get(0);
        assertThat(repeated.state()).isEqualTo(ImportFileState.DUPLICATE);
        assertThat(repeated.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("Already imported as"));
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(2);
        assertThat(importer.queue().files(again).get(0).receipt()).isPresent();
    }

    @Test
    void badFilesFailWithTheirReasonAndTheBatchGoesOn() throws Exception {
        Path folder = dir.resolve("mixed");
        Map<Path, String> bad = ImportFixtures.badFiles(folder);
        Path good = ImportFixtures.receipt(folder, "zz-good.png", 5);

        importer.importFolder(client.id(), folder);
        importer.runUntilIdle(NEVER);

        List<ImportSnapshot.File> files = importer.snapshot().batches().get(0).files();
        assertThat(files).hasSize(bad.size() + 1);
        for (Map.Entry<Path, String> expected : bad.entrySet()) {
            ImportSnapshot.File file = files.stream().filter(f -> f.path().equals(expected.getKey())).findFirst()
                    .orElseThrow();
            assertThat(file.state()).as(file.path().getFileName().toString()).isEqualTo(ImportFileState.FAILED);
            assertThat(file.reason()).as(file.path().getFileName().toString())
                    .hasValueSatisfying(reason -> assertThat(reason).contains(expected.getValue()));
        }
        assertThat(files.stream().filter(f -> f.path().equals(good)).findFirst().orElseThrow().state())
                .isEqualTo(ImportFileState.DONE);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(1);
    }

    @Test
    void aFolderWithoutFilesIsSaidSo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing here"));

        assertThatThrownBy(() -> importer.importFolder(client.id(), empty)).isInstanceOf(DomainException.class)
                .hasMessageContaining("There is no file to import");
    }

    @Test
    void anImportStoppedMidwayGoesOnAfterTheBooksAreOpenedAgainWithoutReadingAnythingTwice() throws Exception {
        Path folder = dir.resolve("in");
        for (int i = 1; i <= 8; i++) {
            ImportFixtures.receipt(folder, "r" + i + ".png", i);
        }
        UUID batch = importer.importFolder(client.id(), folder);
        AtomicInteger done = new AtomicInteger();
        importer.addListener(() -> done.set(importer.snapshot().count(ImportFileState.DONE)));

        importer.runUntilIdle(() -> done.get() >= 2);
        int doneBefore = importer.snapshot().count(ImportFileState.DONE);
        assertThat(doneBefore).isBetween(2, 7);
        books.close();

        books = TestBooks.open(dir.resolve("books"));
        ReceiptImporter reopened = importer(books, ReceiptReader.NOTHING);
        assertThat(reopened.load()).isEqualTo(8 - doneBefore);
        reopened.runUntilIdle(NEVER);

        assertThat(reopened.queue().files(batch)).extracting(ImportQueue.FileRow::state).containsOnly(ImportFileState.DONE);
        List<Receipt> receipts = books.ledger.receipts().list(client.id(), Optional.empty());
        assertThat(receipts).hasSize(8);
        assertThat(receipts.stream().map(r -> r.file().sha256()).distinct()).hasSize(8);
    }

    @Test
    void filesLeftBeingReadByACrashAreQueuedAgainAtTheNextStart() throws Exception {
        Path folder = dir.resolve("in");
        for (int i = 1; i <= 3; i++) {
            ImportFixtures.receipt(folder, "r" + i + ".png", i);
        }
        UUID batch = importer.importFolder(client.id(), folder);
        // As a crash leaves it: files marked as being read, no receipt committed for them.
        importer.queue().markReading(importer.queue().files(batch).stream().map(ImportQueue.FileRow::id).limit(2)
                .toList(), books.clock.instant());
        books.close();

        books = TestBooks.open(dir.resolve("books"));
        ReceiptImporter reopened = importer(books, ReceiptReader.NOTHING);
        assertThat(reopened.load()).isEqualTo(3);
        reopened.runUntilIdle(NEVER);

        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(3);
    }

    @Test
    void aPausedBatchWaitsAndGoesOnWhenResumed() throws Exception {
        Path folder = dir.resolve("in");
        ImportFixtures.receipt(folder, "a.png", 1);
        ImportFixtures.receipt(folder, "b.png", 2);
        UUID batch = importer.importFolder(client.id(), folder);
        importer.pause(batch);

        importer.runUntilIdle(NEVER);
        assertThat(importer.snapshot().count(ImportFileState.QUEUED)).isEqualTo(2);
        assertThat(importer.snapshot().batches().get(0).paused()).isTrue();
        assertThat(importer.waiting()).isZero();

        importer.resume(batch);
        importer.runUntilIdle(NEVER);
        assertThat(importer.snapshot().count(ImportFileState.DONE)).isEqualTo(2);
    }

    @Test
    void cancelLeavesTheFilesNotReadCancelledAndTheyCanBeQueuedAgain() throws Exception {
        Path folder = dir.resolve("in");
        for (int i = 1; i <= 8; i++) {
            ImportFixtures.receipt(folder, "r" + i + ".png", i);
        }
        UUID batch = importer.importFolder(client.id(), folder);
        AtomicBoolean cancelled = new AtomicBoolean();
        importer.addListener(() -> {
            if (importer.snapshot().count(ImportFileState.DONE) >= 1 && cancelled.compareAndSet(false, true)) {
                importer.cancel(batch);
            }
        });

        importer.runUntilIdle(NEVER);

        ImportSnapshot snapshot = importer.snapshot();
        int done = snapshot.count(ImportFileState.DONE);
        assertThat(snapshot.count(ImportFileState.CANCELLED)).isPositive();
        assertThat(done + snapshot.count(ImportFileState.CANCELLED)).isEqualTo(8);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(done);
        assertThat(importer.queue().unfinishedBatches()).isEmpty();

        assertThat(importer.requeueCancelled(batch)).isEqualTo(8 - done);
        importer.runUntilIdle(NEVER);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(8);
    }
}
