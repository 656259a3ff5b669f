package app.booksflow.desktop.gui;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.receipts.CategoryChoice;
import app.booksflow.desktop.gui.receipts.ReceiptRow;
import app.booksflow.desktop.gui.receipts.ReceiptsView;
import app.booksflow.desktop.gui.receipts.ReceiptsViewModel;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.ReceiptFixtures;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Review with the keyboard on the Receipts screen: the Category is found by typing part of its name,
 * Ctrl+Enter confirms it (and the vendor rule learns it), Ctrl+P posts the receipt to the ledger.
 */
class ReceiptCategoryUiTest extends FxRobot {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private Receipt receipt;
    private Stage stage;
    private Application app;
    private FxTaskExecutor executor;
    private final CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openScreen() throws Exception {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        Receipt attached = books.ledger.receipts().attach(bakery.id(),
                ReceiptFixtures.png(dir.resolve("in/paper.png"), 300, 450, Color.WHITE), USER);
        receipt = books.ledger.receipts().recordReading(attached.id(), new ExtractedFields(
                Optional.of(Extracted.of("Paper Stop Ltd", 70)), Optional.of(Extracted.of(LocalDate.of(2025, 6, 10), 90)),
                Optional.of(Extracted.of(Money.of("24.00", "GBP"), 90)), Optional.empty(),
                Optional.of(Extracted.of(Money.of("24.00", "GBP").currency(), 90))), true, USER);
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
    void theCategoryIsFoundByTypingConfirmedWithCtrlEnterAndTheReceiptPostedWithCtrlP() {
        ListView<ReceiptRow> receipts = lookup("#receiptList").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts.getItems().size() == 1);
        clickOn("paper.png");
        SearchableComboBox<CategoryChoice> category = lookup("#categoryField").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> !category.isDisabled() && category.getItems().size() > 1);
        assertThat(category.getValue()).isEqualTo(CategoryChoice.NONE);

        clickOn(category);
        write("office");
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(category.getValue().toString()).isEqualTo("6100 Office supplies \u00b7 expense");

        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Label message = lookup("#messageLabel").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> message.getText().equals("Confirmed the fields of paper.png."));
        AccountId office = books.account(bakery.id(), "6100");
        assertThat(books.ledger.receipts().category(receipt.id())).contains(office);
        assertThat(books.ledger.vendorRules().find(bakery.id(), "Paper Stop Ltd").orElseThrow().account())
                .contains(office);

        await().atMost(Duration.ofSeconds(30)).until(() -> category.getValue() != null
                && category.getValue().id().equals(Optional.of(office)));
        clickOn("#receiptList");
        press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(30)).until(() -> message.getText().startsWith("Posted paper.png"));
        assertThat(message.getText()).isEqualTo("Posted paper.png to the ledger, paid from 1000 Bank.");
        Transaction posted = books.ledger.transactions().find(books.ledger.receipts().find(receipt.id()).orElseThrow()
                .transaction().orElseThrow()).orElseThrow().transaction();
        assertThat(posted.payee()).isEqualTo("Paper Stop Ltd");
        assertThat(posted.splits().get(0).account()).isEqualTo(office);
        await().atMost(Duration.ofSeconds(30)).until(() -> lookup("#postButton").query().isDisabled());
        assertThat(failures).isEmpty();
        Screenshots.write(stage.getScene(), "receipt-category");
    }
}
