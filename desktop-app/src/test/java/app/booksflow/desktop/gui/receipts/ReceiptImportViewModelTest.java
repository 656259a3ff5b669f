package app.booksflow.desktop.gui.receipts;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.ReceiptFiles;
import app.booksflow.desktop.receipts.imports.ImportFileState;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.receipts.imports.ReceiptReader;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.ReceiptWatch;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's view model with the synchronous executor, real books and the real OCR engine. */
class ReceiptImportViewModelTest {

    private static OcrEngine engine;

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private ObjectProperty<Settings> settings;
    private SettingsStore settingsStore;
    private ReceiptImportViewModel viewModel;
    private final AtomicInteger refreshed = new AtomicInteger();

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
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        settingsStore = new SettingsStore(new AppDirectories(dir.resolve("config"), dir.resolve("data")));
        ReceiptImporter importer = new ReceiptImporter(books.store, books.ledger, books.clock, USER, () -> engine,
                ReceiptReader.NOTHING, () -> Locale.UK);
        viewModel = new ReceiptImportViewModel(importer, new SynchronousTaskExecutor(), Runnable::run, Duration.ZERO,
                settings, settingsStore);
        viewModel.onReceiptsAdded(refreshed::incrementAndGet);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void aFolderIsImportedWithEachFilesStateTheCountAndTheProblemsWithTheirReasons() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("quarter"));
        Path first = ReceiptFiles.png(folder, "a.png", List.of("SHOP 1", "TOTAL 1.50"));
        Files.copy(first, folder.resolve("b-copy.png"));
        ReceiptFiles.png(folder, "c.png", List.of("SHOP 3", "TOTAL 3.50"));
        ReceiptFiles.text(folder, "d-notes.jpg", "not a picture");
        viewModel.clientProperty().set(client.id());

        viewModel.importFolder(folder);

        assertThat(viewModel.files()).extracting(ImportFileRow::name, row -> row.stateProperty().get()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.png", ImportFileState.DONE),
                org.assertj.core.groups.Tuple.tuple("b-copy.png", ImportFileState.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple("c.png", ImportFileState.DONE),
                org.assertj.core.groups.Tuple.tuple("d-notes.jpg", ImportFileState.FAILED));
        assertThat(viewModel.problems()).extracting(ImportFileRow::name).containsExactly("b-copy.png", "d-notes.jpg");
        assertThat(viewModel.problems().get(0).reasonProperty().get()).contains("The same file as a.png");
        assertThat(viewModel.problems().get(1).reasonProperty().get()).contains("not a receipt file");
        assertThat(viewModel.countProperty().get()).isEqualTo("4 of 4 files · 2 imported · 1 failed · 1 duplicate");
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.shownProperty().get()).isTrue();
        assertThat(refreshed.get()).isPositive();
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty())).hasSize(2);

        viewModel.clearFinished();
        assertThat(viewModel.files()).isEmpty();
        assertThat(viewModel.shownProperty().get()).isFalse();
    }

    @Test
    void withoutAClientNothingIsQueuedAndTheUserIsToldWhy() throws Exception {
        viewModel.importFolder(Files.createDirectories(dir.resolve("in")));

        assertThat(viewModel.messageProperty().get()).contains("Choose a client");
        assertThat(viewModel.files()).isEmpty();
    }

    @Test
    void anEmptyFolderIsSaidSo() throws Exception {
        viewModel.clientProperty().set(client.id());

        viewModel.importFolder(Files.createDirectories(dir.resolve("nothing")));

        assertThat(viewModel.messageProperty().get()).startsWith("There is no file to import in");
    }

    @Test
    void theWatchFolderIsKeptInTheSettingsForTheShownClient() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("scans"));
        viewModel.clientProperty().set(client.id());

        viewModel.watchFolder(watched);

        ReceiptWatch expected = new ReceiptWatch(watched, client.id().value());
        assertThat(settings.get().receiptWatch()).contains(expected);
        assertThat(settingsStore.load().settings().receiptWatch()).contains(expected);
        assertThat(viewModel.watchTextProperty().get()).isEqualTo("Watching " + watched);
        assertThat(viewModel.watchingProperty().get()).isTrue();

        viewModel.stopWatching();
        assertThat(settingsStore.load().settings().receiptWatch()).isEmpty();
        assertThat(viewModel.watchingProperty().get()).isFalse();
    }

    @Test
    void timeLeftIsSaidInWords() {
        assertThat(ReceiptImportViewModel.timeLeftText(Duration.ofSeconds(20))).isEqualTo("less than a minute left");
        assertThat(ReceiptImportViewModel.timeLeftText(Duration.ofSeconds(200))).isEqualTo("about 3 min left");
        assertThat(ReceiptImportViewModel.timeLeftText(Duration.ofMinutes(150))).isEqualTo("about 2.5 h left");
    }
}
