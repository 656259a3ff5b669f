package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.practice.ClientRow;
import app.booksflow.desktop.gui.search.SearchResult;
import app.booksflow.desktop.ledger.LedgerRow;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A working day in one pass, by mouse and keyboard on the real window: take on a client, enter a sale
 * split over two income accounts, see the client's dashboard move, find the sale with the search bar,
 * close the month and see an edit of the sale refused with the books unchanged. "Today" is 15 December 2025.
 */
class BookkeepingClickThroughUiTest extends AppWindowTest {

    private static final String CLIENT = "Quayside Cycles Ltd";
    private static final Duration WAIT = Duration.ofSeconds(60);






    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // the demo practice loads first; slow on a busy machine
    void takeOnAClientEnterASplitSaleSeeTheDashboardFindItCloseTheMonthAndSeeAnEditRefused() {
        try {
            workingDay();
        } catch (RuntimeException | AssertionError e) {
            Screenshots.write(stage.getScene(), "click-through-failure");
            throw e;
        }
    }

    private void workingDay() {
        await().atMost(Duration.ofSeconds(180)).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 5);

        takeOnTheClient();
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Dashboard");
        await().atMost(WAIT).until(() -> CLIENT.equals(label("#clientNameLabel")));
        String incomeBefore = label("#incomeLabel");
        assertThat(incomeBefore).isEqualTo("£0.00");

        enterASaleSplitOverTwoIncomeAccounts();

        push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        await().atMost(WAIT).until(() -> "£1,200.00".equals(label("#incomeLabel")));
        assertThat(label("#profitLabel")).isEqualTo("£1,200.00");

        findTheSaleWithTheSearchBar();

        closeDecember();

        push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
        TableView<LedgerRow> ledger = lookup("#ledgerTable").query();
        await().atMost(WAIT).until(() -> ledger.getItems().size() == 1 && ledger.getItems().get(0) != null);
        clickOn(lookup("#ledgerTable .table-row-cell").nth(0).<javafx.scene.Node>query());
        type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> lookup("#editMemo").query().isVisible()
                && "Two bikes and a service".equals(lookup("#editMemo").queryTextInputControl().getText()));
        clickOn("#editMemo").push(KeyCode.SHORTCUT, KeyCode.A).write("Changed after closing");
        push(KeyCode.SHORTCUT, KeyCode.S);

        await().atMost(WAIT).until(() -> label("#editorError").contains("closed"));
        assertThat(lookup("#editMemo").queryTextInputControl().getText()).as("what was typed is kept")
                .isEqualTo("Changed after closing");
        push(KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> ledger.getItems().size() == 1 && ledger.getItems().get(0) != null);
        assertThat(ledger.getItems().get(0).memo()).isEqualTo("Two bikes and a service");
        push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        await().atMost(WAIT).until(() -> "£1,200.00".equals(label("#incomeLabel")));
    }

    private void takeOnTheClient() {
        clickOn("#newClientButton");
        clickOn("#newClientName").write(CLIENT);
        clickOn(lookup("#newClientCurrency").<ComboBox<String>>query().getEditor()).push(KeyCode.SHORTCUT, KeyCode.A)
                .write("GBP");
        clickOn("#newClientCountry").push(KeyCode.SHORTCUT, KeyCode.A).write("GB");
        clickOn("#createClientButton");
        TableView<ClientRow> clients = lookup("#clientTable").query();
        await().atMost(WAIT).until(() -> clients.getItems().size() == 6 && clients.getSelectionModel().getSelectedItem() != null
                && CLIENT.equals(clients.getSelectionModel().getSelectedItem().name()));
        clickOn("#searchField").write("Quayside");
        type(KeyCode.ENTER);
    }

    private void enterASaleSplitOverTwoIncomeAccounts() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Transactions");
        TableView<LedgerRow> ledger = lookup("#ledgerTable").query();
        await().atMost(WAIT).until(() -> lookup("#newTransaction").query().isVisible() && ledger.getItems().isEmpty());

        clickOn("#newTransaction");
        write("Harbour Bikes");
        clickOn("#editMemo").write("Two bikes and a service");
        clickOn("#editAmount").write("1,200.00");
        clickOn("#splitsButton");

        await().atMost(WAIT).until(() -> lookup("#splitAccount1").tryQuery().isPresent());
        choose("#splitAccount1", "4000 Sales");
        clickOn("#splitAmount1").push(KeyCode.SHORTCUT, KeyCode.A).write("1,000.00");
        clickOn("#addSplitLine");
        await().atMost(WAIT).until(() -> lookup("#splitAccount2").tryQuery().isPresent());
        choose("#splitAccount2", "4100 Services");
        assertThat(lookup("#splitAmount2").queryTextInputControl().getText()).as("the rest is offered").isEqualTo("200.00");
        assertThat(label("#splitsRemaining")).isEqualTo("Fully allocated");
        clickOn("OK");

        push(KeyCode.SHORTCUT, KeyCode.S);
        await().atMost(WAIT).until(() -> ledger.getItems().size() == 1 && ledger.getItems().get(0) != null);
        LedgerRow saved = ledger.getItems().get(0);
        assertThat(saved.payee()).isEqualTo("Harbour Bikes");
        assertThat(saved.total().minorUnits()).isEqualTo(120_000);
        assertThat(saved.date()).isEqualTo(LocalDate.of(2025, 12, 15));
    }

    private void findTheSaleWithTheSearchBar() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        clickOn("#globalSearchField").write("harbour bik");
        // The results list lives in a popup window, which exists once there is something to show.
        await().atMost(WAIT).until(() -> lookup("#searchResults").tryQuery()
                .map(node -> ((ListView<?>) node).getItems())
                .filter(items -> !items.isEmpty() && "Harbour Bikes".equals(((SearchResult) items.get(0)).payee()))
                .isPresent());
        type(KeyCode.ENTER);

        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Transactions");
        TableView<LedgerRow> ledger = lookup("#ledgerTable").query();
        await().atMost(WAIT).until(() -> ledger.getSelectionModel().getSelectedItem() != null
                && "Harbour Bikes".equals(ledger.getSelectionModel().getSelectedItem().payee()));
    }

    private void closeDecember() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        clickOn("#searchField").push(KeyCode.SHORTCUT, KeyCode.A).write("Quayside");
        DatePicker closing = lookup("#closingDatePicker").query();
        String lastDayOfDecember = closing.getConverter().toString(LocalDate.of(2025, 12, 31));
        clickOn(closing.getEditor()).push(KeyCode.SHORTCUT, KeyCode.A).write(lastDayOfDecember);
        type(KeyCode.ENTER);
        TableView<ClientRow> clients = lookup("#clientTable").query();
        await().atMost(WAIT).until(() -> clients.getSelectionModel().getSelectedItem() != null
                && clients.getSelectionModel().getSelectedItem().closingDate().equals(Optional.of(LocalDate.of(2025, 12, 31))));
    }

    /** Picks the item shown as the text; Monocle's popup lists cannot be clicked, so the choice is made directly. */
    private <T> void choose(String comboId, String text) {
        ComboBox<T> combo = lookup(comboId).query();
        T item = combo.getItems().stream().filter(candidate -> candidate != null
                && text.equals(combo.getConverter().toString(candidate))).findFirst().orElseThrow(
                        () -> new AssertionError("No " + text + " in " + comboId));
        interact(() -> combo.getSelectionModel().select(item));
    }

    private String label(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
