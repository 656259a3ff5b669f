package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.LaunchOptions;
import app.booksflow.desktop.gui.inbox.InboxRow;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's books and a laptop sync through the real server (embedded PostgreSQL). The app's books
 * were signed in before and edited a sale while offline; the laptop edited the same sale meanwhile.
 * Signing in again through Settings sends the edit, the server finds the conflict, and the accountant
 * merges it in the inbox, one field from each side.
 */
class SyncUiTest extends FxRobot {

    private static TestServer server;

    @TempDir
    Path dir;

    private Stage stage;
    private Application app;
    private Practice practice;
    private TestBooks laptop;
    private SyncEngine laptopSync;
    private Transaction sale;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void prepareBothDevices() {
        practice = Practice.create(server, "ui-sync");
        laptop = TestBooks.open(dir.resolve("laptop"));
        laptopSync = signedIn(laptop, dir.resolve("laptop"));
        Path data = dir.resolve("data");
        try (TestBooks office = TestBooks.open(data)) {
            SyncEngine officeSync = signedIn(office, data);
            Money amount = Money.of("120.00", "EUR");
            sale = laptop.ledger.transactions().create(new Transaction(TransactionId.random(), practice.client.id(),
                    LocalDate.of(2025, 3, 3), "Market stall", "", practice.account("1000"), amount,
                    TransactionStatus.POSTED, List.of(Split.of(practice.account("4000"), amount, practice.vat.id()))),
                    TestBooks.USER).transaction();
            laptopSync.syncOnce();
            officeSync.syncOnce();
            // Both edit the sale offline; the laptop's edit reaches the server first.
            edit(laptop, "Market stall (Saturday)", "stall fee");
            edit(office, "Farmers' market", "weekly");
            laptopSync.syncOnce();
            officeSync.close();
            new TokenStore(data).clear();
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        laptopSync.close();
        laptop.close();
    }

    @Test
    void signInThroughSettingsThenMergeAConflictFieldByFieldInTheInbox() throws Exception {
        openApp();
        Label syncLabel = lookup(".sync-status").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncLabel.getText().startsWith("Signed out – sign in again"));

        push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Settings");
        TextField email = lookup("#syncEmailField").queryAs(TextField.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> email.getText().equals(practice.accountantUser.email()));
        clickOn("#syncServerField").write(server.baseUrl());
        clickOn("#syncPasswordField").write(Practice.PASSWORD);
        clickOn("#signInButton");

        await().atMost(Duration.ofSeconds(30)).until(() -> syncLabel.getText().startsWith("Online"));
        Hyperlink inboxLink = lookup("#inboxLink").queryAs(Hyperlink.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> "1 item in the inbox".equals(inboxLink.getText()));
        assertThat(lookup("#signedInLabel").queryAs(Label.class).getText())
                .isEqualTo("Signed in as " + practice.accountantUser.email() + " at " + server.baseUrl());

        clickOn(inboxLink);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Inbox");
        ListView<InboxRow> items = lookup("#inboxList").queryListView();
        await().atMost(Duration.ofSeconds(10)).until(() -> items.getItems().size() == 1
                && lookup("#mine-payee").tryQuery().isPresent());
        assertThat(items.getItems().get(0).kind()).isEqualTo("Changed on two devices");
        Screenshots.write(stage.getScene(), "sync-inbox");
        clickOn("#mine-payee");
        clickOn("#theirs-memo");
        assertThat(lookup("#mine-payee").queryAs(RadioButton.class).isSelected()).isTrue();
        clickOn("#mergeButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> items.getItems().isEmpty());
        assertThat(lookup("#inboxError").queryAs(Label.class).getText()).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> !inboxLink.isVisible()
                && syncLabel.getText().startsWith("Online") && !syncLabel.getText().contains("waiting"));

        // The merge went to the server and on to the laptop.
        laptopSync.syncOnce();
        Transaction onLaptop = laptop.ledger.transactions().find(sale.id()).orElseThrow().transaction();
        assertThat(onLaptop.payee()).isEqualTo("Farmers' market");
        assertThat(onLaptop.memo()).isEqualTo("stall fee");

        // And it is in the app's own books.
        FxToolkit.cleanupApplication(app);
        app = null;
        try (TestBooks books = TestBooks.open(dir.resolve("data"))) {
            Transaction merged = books.ledger.transactions().find(sale.id()).orElseThrow().transaction();
            assertThat(merged.payee()).isEqualTo("Farmers' market");
            assertThat(merged.memo()).isEqualTo("stall fee");
            assertThat(books.ledger.sync().openInboxCount()).isZero();
        }
    }

    private void openApp() throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.of(dir.resolve("data")), Optional.of(dir.resolve("config")),
                java.time.Instant.now());
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1200);
            stage.setHeight(760);
        }).get();
        app = FxToolkit.setupApplication(() -> new BooksFlowApp(options, AppWindowTest.DECEMBER_2025));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SyncEngine signedIn(TestBooks books, Path folder) {
        SyncEngine engine = new SyncEngine(books.ledger.sync(), new TokenStore(folder), books.clock);
        engine.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
        engine.syncOnce();
        return engine;
    }

    private void edit(TestBooks books, String payee, String memo) {
        StoredTransaction stored = books.ledger.transactions().find(sale.id()).orElseThrow();
        Transaction t = stored.transaction();
        books.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(), payee, memo, t.bankAccount(),
                t.total(), t.status(), t.splits()), stored.version(), TestBooks.USER);
    }
}
