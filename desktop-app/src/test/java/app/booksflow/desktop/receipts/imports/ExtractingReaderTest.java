package app.booksflow.desktop.receipts.imports;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.testdata.receipts.DegradationMix;
import app.booksflow.testdata.receipts.FileFormat;
import app.booksflow.testdata.receipts.LabeledReceipt;
import app.booksflow.testdata.receipts.ReceiptCountry;
import app.booksflow.testdata.receipts.ReceiptGenerator;
import app.booksflow.testdata.receipts.ReceiptOptions;
import app.booksflow.testdata.receipts.ReceiptTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's import reader on generated receipts, read by the real Tesseract into real books. */
class ExtractingReaderTest {

    private static final long SEED = 20_251_126L;
    private static final ReceiptOptions CLEAN_UK = ReceiptOptions.REALISTIC.withCountry(ReceiptCountry.UNITED_KINGDOM)
            .withMix(DegradationMix.CLEAN).withFormat(FileFormat.PNG);
    /** After every date the generator prints, so that none is taken for a future one. */
    private static final Clock AFTER_THE_RECEIPTS = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);
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
        importer = new ReceiptImporter(books.store, books.ledger, books.clock, USER, () -> engine,
                new ExtractingReader(books.ledger.vendorRules(), AFTER_THE_RECEIPTS), () -> Locale.UK);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void clearReceiptsArriveWithTheirVendorDateAndTotalAndNeedNoReview() throws Exception {
        Path in = dir.resolve("in");
        List<ReceiptTruth> truths = List.of(write(in, 0, CLEAN_UK), write(in, 1, CLEAN_UK), write(in, 2, CLEAN_UK));

        importer.importFolder(client.id(), in);
        importer.runUntilIdle(() -> false);

        List<Receipt> receipts = books.ledger.receipts().list(client.id(), Optional.empty());
        assertThat(receipts).hasSize(3);
        for (ReceiptTruth truth : truths) {
            Receipt receipt = receipts.stream().filter(r -> r.file().originalName().equals(truth.file()))
                    .findFirst().orElseThrow();
            assertThat(receipt.fields().vendor()).as(truth.file()).map(Extracted::value).hasValue(truth.vendor());
            assertThat(receipt.fields().date()).as(truth.file()).map(Extracted::value).hasValue(truth.date());
            assertThat(receipt.fields().total()).as(truth.file())
                    .map(total -> total.value().amount()).hasValue(truth.total());
            assertThat(receipt.status()).as(truth.file() + " read as " + receipt.fields()).isEqualTo(ReceiptStatus.COMPLETED);
        }
    }

    @Test
    void theNextReceiptOfAVendorTheAccountantRenamedGetsTheNewName() throws Exception {
        LabeledReceipt first = ReceiptGenerator.generate(SEED, 3, CLEAN_UK);
        importer.importPaths(client.id(), List.of(first.writeTo(Files.createDirectories(dir.resolve("first")))), "Dropped files");
        importer.runUntilIdle(() -> false);
        Receipt read = books.ledger.receipts().list(client.id(), Optional.empty()).get(0);
        String readVendor = read.fields().vendor().orElseThrow().value();
        books.ledger.vendorRules().learn(client.id(), readVendor, "Renamed Trading Ltd", Optional.empty(), USER);

        // The same receipt photographed again: other bytes, same vendor.
        LabeledReceipt again = ReceiptGenerator.generate(SEED, 3, CLEAN_UK.withFormat(FileFormat.JPEG));
        importer.importPaths(client.id(), List.of(again.writeTo(Files.createDirectories(dir.resolve("again")))), "Dropped files");
        importer.runUntilIdle(() -> false);

        Receipt renamed = books.ledger.receipts().list(client.id(), Optional.empty()).stream()
                .filter(r -> r.file().originalName().endsWith(".jpg")).findFirst().orElseThrow();
        assertThat(renamed.fields().vendor()).map(Extracted::value).hasValue("Renamed Trading Ltd");
    }

    @Test
    void aReceiptMissingAnEssentialFieldOrReadWithDoubtGoesToReview() {
        Currency pounds = Currency.getInstance("GBP");
        ExtractedFields sure = new ExtractedFields(Optional.of(Extracted.of("Hill Street Bakery", 95)),
                Optional.of(Extracted.of(LocalDate.of(2025, 3, 4), 92)),
                Optional.of(Extracted.of(app.booksflow.model.money.Money.ofMinor(1250, pounds), 96)),
                Optional.empty(), Optional.of(Extracted.of(pounds, 90)));
        assertThat(ExtractingReader.needsReview(sure, pounds)).isFalse();
        assertThat(ExtractingReader.needsReview(new ExtractedFields(sure.vendor(), sure.date(), Optional.empty(),
                sure.tax(), sure.currency()), pounds)).as("no total").isTrue();
        assertThat(ExtractingReader.needsReview(new ExtractedFields(Optional.of(Extracted.of("Hill Street Bakery", 79)),
                sure.date(), sure.total(), sure.tax(), sure.currency()), pounds)).as("an unsure vendor").isTrue();
        assertThat(ExtractingReader.needsReview(ExtractedFields.NONE, pounds)).isTrue();
        Currency euros = Currency.getInstance("EUR");
        ExtractedFields guessedCurrency = new ExtractedFields(sure.vendor(), sure.date(), sure.total(), sure.tax(),
                Optional.of(Extracted.of(pounds, 40)));
        assertThat(ExtractingReader.needsReview(guessedCurrency, pounds)).as("the client's own currency, guessed").isFalse();
        ExtractedFields unsureForeign = new ExtractedFields(sure.vendor(), sure.date(),
                Optional.of(Extracted.of(app.booksflow.model.money.Money.ofMinor(1250, euros), 96)), Optional.empty(),
                Optional.of(Extracted.of(euros, 60)));
        assertThat(ExtractingReader.needsReview(unsureForeign, pounds)).as("an unsure foreign currency").isTrue();
    }

    private static ReceiptTruth write(Path folder, int index, ReceiptOptions options) throws Exception {
        LabeledReceipt receipt = ReceiptGenerator.generate(SEED, index, options);
        receipt.writeTo(Files.createDirectories(folder));
        return receipt.truth();
    }
}
