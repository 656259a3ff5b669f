package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.practice.ClientRow;
import app.booksflow.desktop.ledger.LedgerRow;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ledger of a demo client: filtered by typing, then a transaction entered with the keyboard alone
 * (Ctrl+N, Enter from field to field, Enter in the amount saves) shows up selected in the table.
 */
class TransactionsUiTest extends AppWindowTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // the demo load alone takes a minute on a busy machine
    void filterByTypingThenEnterATransactionWithTheKeyboardAndSeeIt() {
        await().atMost(Duration.ofSeconds(120)).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 5);
        clickOn("#searchField");
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Transactions");

        TableView<LedgerRow> ledger = lookup("#ledgerTable").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.getItems().size() > 1_000 && ledger.getItems().get(0) != null);
        int all = ledger.getItems().size();
        String payee = ledger.getItems().get(0).payee();
        String word = payee.split(" ")[0];

        clickOn("#filterText").write(word.toLowerCase(Locale.ROOT));
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.getItems().size() < all);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.getItems().stream().limit(30).allMatch(Objects::nonNull));
        assertThat(ledger.getItems().stream().limit(30)).allSatisfy(row -> assertThat(
                (row.payee() + " " + row.memo()).toLowerCase(Locale.ROOT)).contains(word.toLowerCase(Locale.ROOT)));
        // The count is a task of its own: the label says "Counting…" until it arrives.
        await().atMost(Duration.ofSeconds(10)).until(() -> lookup("#countLabel").queryAs(Label.class).getText()
                .endsWith("the filters"));

        push(KeyCode.SHORTCUT, KeyCode.N);
        write("Quayside Stationers");
        type(KeyCode.ENTER);            // to the memo
        write("Printer paper");
        type(KeyCode.ENTER);            // to the bank account, already set
        type(KeyCode.ENTER);            // to the account
        type(KeyCode.F4);
        type(KeyCode.END);
        type(KeyCode.ENTER);
        type(KeyCode.ENTER);            // to the amount
        write("-12.34");
        type(KeyCode.ENTER);            // saves

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.getSelectionModel().getSelectedItem() != null
                && "Quayside Stationers".equals(ledger.getSelectionModel().getSelectedItem().payee()));
        LedgerRow created = ledger.getSelectionModel().getSelectedItem();
        assertThat(created.memo()).isEqualTo("Printer paper");
        assertThat(created.date()).isEqualTo(java.time.LocalDate.of(2025, 12, 15));
        assertThat(created.total().minorUnits()).isEqualTo(-1234);
        assertThat(lookup(".last-saved").queryAs(Label.class).getText()).startsWith("Saved at ");

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.forDocs(stage.getScene(), "ledger")).exists();
    }
}
