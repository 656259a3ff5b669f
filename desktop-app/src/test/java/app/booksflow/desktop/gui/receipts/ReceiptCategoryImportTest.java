package app.booksflow.desktop.gui.receipts;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.receipts.imports.ExtractingReader;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.testdata.receipts.DegradationMix;
import app.booksflow.testdata.receipts.FileFormat;
import app.booksflow.testdata.receipts.LabeledReceipt;
import app.booksflow.testdata.receipts.ReceiptCountry;
import app.booksflow.testdata.receipts.ReceiptGenerator;
import app.booksflow.testdata.receipts.ReceiptOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's vendor rule with its category, end to end: a generated receipt image read by the real
 * Tesseract through the import, reviewed on the Receipts screen's model with a category, and the next
 * receipt of that vendor imported with the category used last time, shown in its review.
 */
class ReceiptCategoryImportTest {

    private static final long SEED = 20_251_126L;
    private static final ReceiptOptions CLEAN_UK = ReceiptOptions.REALISTIC.withCountry(ReceiptCountry.UNITED_KINGDOM)
            .withMix(DegradationMix.CLEAN).withFormat(FileFormat.PNG);
    /** After every date the generator prints, so that none is taken for a future one. */
    private static final Clock AFTER_THE_RECEIPTS = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private OcrEngine engine;
    private ReceiptImporter importer;
    private ReceiptsViewModel viewModel;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1));
        importer = new ReceiptImporter(books.store, books.ledger, books.clock, USER, () -> engine,
                new ExtractingReader(books.ledger.vendorRules(), AFTER_THE_RECEIPTS), () -> Locale.UK);
        viewModel = new ReceiptsViewModel(books.ledger, new SimpleObjectProperty<>(new Settings(dir.resolve("books"),
                Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty())), new SynchronousTaskExecutor(), books.clock, USER);
        viewModel.clientProperty().set(client.id());
    }

    @AfterEach
    void close() {
        engine.close();
        books.close();
    }

    private Receipt importAndSelect(LabeledReceipt labeled, String folder) throws Exception {
        Path file = labeled.writeTo(Files.createDirectories(dir.resolve(folder)));
        importer.importPaths(client.id(), List.of(file), "Dropped files");
        importer.runUntilIdle(() -> false);
        viewModel.refresh();
        ReceiptRow row = viewModel.receipts().stream()
                .filter(r -> r.receipt().file().originalName().equals(file.getFileName().toString()))
                .findFirst().orElseThrow();
        viewModel.selectedProperty().set(row);
        return row.receipt();
    }

    @Test
    void theNextReceiptOfAVendorArrivesWithTheCategoryChosenInTheLastReview() throws Exception {
        Receipt first = importAndSelect(ReceiptGenerator.generate(SEED, 3, CLEAN_UK), "first");
        assertThat(first.fields().vendor()).as("the vendor is read").isPresent();
        assertThat(books.ledger.receipts().category(first.id())).as("no rule yet").isEmpty();
        assertThat(viewModel.form().categoryProperty().get()).isEqualTo(CategoryChoice.NONE);

        AccountId meals = books.account(client.id(), "6400");
        viewModel.form().categoryProperty().set(viewModel.form().categories().stream()
                .filter(choice -> choice.id().equals(Optional.of(meals))).findFirst().orElseThrow());
        viewModel.confirmFields();
        assertThat(books.ledger.receipts().category(first.id())).contains(meals);

        // The same receipt photographed again: other bytes (JPEG), same vendor.
        Receipt again = importAndSelect(ReceiptGenerator.generate(SEED, 3, CLEAN_UK.withFormat(FileFormat.JPEG)),
                "again");

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.fields().vendor().map(Extracted::value)).isEqualTo(first.fields().vendor().map(Extracted::value));
        assertThat(books.ledger.receipts().category(again.id())).contains(meals);
        assertThat(viewModel.form().categoryProperty().get().id()).as("shown in its review").contains(meals);
        assertThat(viewModel.selectedProperty().get().details()).endsWith("Meals and entertainment");
    }
}
