package app.booksflow.desktop.gui;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.receipts.ReceiptRow;
import app.booksflow.desktop.gui.receipts.ReceiptsView;
import app.booksflow.desktop.gui.receipts.ReceiptsViewModel;
import app.booksflow.desktop.gui.receipts.TransactionRow;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.ReceiptFixtures;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Receipts screen on a real store with the app's own task executor: a photo and a damaged file
 * are listed with a picture and a placeholder, a receipt opens beside its fields, and Ctrl+L links it
 * to the transaction chosen on the right.
 */
class ReceiptsUiTest extends FxRobot {

    @TempDir
    Path dir;

    private TestBooks books;
    private Stage stage;
    private Application app;
    private FxTaskExecutor executor;
    private final CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
    private Transaction flour;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openScreen() throws Exception {
        books = TestBooks.open(dir.resolve("data"));
        Client bakery = books.ukClient("Hill Street Bakery");
        flour = books.ledger.transactions().create(books.purchase(bakery, LocalDate.of(2025, 6, 14), "48.00", "6100"), USER)
                .transaction();
        books.ledger.receipts().attach(bakery.id(), ReceiptFixtures.corruptJpeg(dir.resolve("in/broken.jpg")), USER);
        books.clock.advance(Duration.ofMinutes(1));
        books.ledger.receipts().attach(bakery.id(), ReceiptFixtures.png(dir.resolve("in/flour.png"), 600, 900, Color.PINK),
                USER);
        executor = FxTaskExecutor.withDefaultThreads(failure -> failures.add(failure.error()));
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        app = FxToolkit.setupApplication(() -> new ScreenApp(() -> {
            ReceiptsViewModel viewModel = new ReceiptsViewModel(books.ledger, settings, executor, books.clock, USER);
            viewModel.clientProperty().set(bakery.id());
            return new ReceiptsView(viewModel).root();
        }));
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        executor.shutdown();
        books.close();
    }

    @Test
    void listsReceiptsWithThumbnailsOpensOneBesideItsFieldsAndLinksItWithTheKeyboard() {
        ListView<ReceiptRow> receipts = lookup("#receiptList").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts.getItems().size() == 2
                && receipts.getItems().stream().allMatch(row -> row.thumbnailProperty().get() != null));
        assertThat(receipts.getItems().get(0).thumbnailProperty().get().image()).isPresent();
        assertThat(receipts.getItems().get(1).thumbnailProperty().get().problem()).contains("damaged");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("⚠ The file cannot be shown: it is damaged or not a JPEG file.").tryQuery()).isPresent();

        clickOn("flour.png");
        ImageView preview = lookup("#previewImage").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> preview.getImage() != null);
        clickOn("#receiptList");
        press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getRotate()).as("a sideways photo is turned with Ctrl+R").isEqualTo(90);
        clickOn("#rotateButton").clickOn("#rotateButton").clickOn("#rotateButton");
        assertThat(preview.getRotate()).isZero();
        ListView<TransactionRow> transactions = lookup("#transactionList").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> transactions.getItems().size() == 1);
        assertThat(lookup("#vendorField").tryQuery()).isPresent();
        assertThat(lookup("#confirmFields").query().isDisabled()).isTrue();

        WaitForAsyncUtils.waitForFxEvents();
        clickOn(lookup("#transactionList .list-cell").nth(0).<Node>query());
        assertThat(transactions.getSelectionModel().getSelectedItem().payee()).isEqualTo("Supplier");
        press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);

        Label message = lookup("#messageLabel").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> message.getText().startsWith("Linked flour.png"));
        assertThat(books.ledger.receipts().list(flour.client(), Optional.empty()))
                .anySatisfy(receipt -> assertThat(receipt.transaction()).contains(flour.id()));
        assertThat(failures).isEmpty();
        Screenshots.write(stage.getScene(), "receipts");
    }
}
