package app.booksflow.desktop.gui;

import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.practice.ClientRow;
import app.booksflow.desktop.gui.receipts.ReceiptRow;
import app.booksflow.desktop.gui.reports.ReportRow;
import app.booksflow.desktop.gui.search.SearchResult;
import app.booksflow.desktop.search.ReceiptHit;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reports screen and the search across clients on the demo practice, driven by the keyboard.
 * "Today" is 15 December 2025, the last month of the demo's books.
 */
class ReportsAndSearchUiTest extends AppWindowTest {

    @BeforeEach
    void waitForTheDemoPractice() {
        await().atMost(Duration.ofSeconds(120)).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 5);
    }

    @Test
    void reportsScreenShowsTheProfitAndLossOfTheOpenedClientWithTotals() {
        TableView<ClientRow> clients = lookup("#clientTable").query();
        String client = clients.getItems().get(0).name();
        clickOn("#searchField");
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);

        push(KeyCode.SHORTCUT, KeyCode.DIGIT6);

        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Reports");
        TableView<ReportRow> report = lookup("#reportTable").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> report.getItems().size() > 3);
        assertThat(lookup("#headingLabel").queryAs(Label.class).getText())
                .isEqualTo("Profit and loss · " + client + " · 2025-01-01 to 2025-12-31");
        assertThat(report.getColumns()).extracting(column -> column.getText()).startsWith("Section", "Code", "Account");
        ReportRow net = report.getItems().get(report.getItems().size() - 1);
        assertThat(net.total()).isTrue();
        assertThat(net.cell(0)).isEqualTo("Net profit");
        assertThat(net.cell(3)).matches("-?£[0-9,]+\\.[0-9]{2}");
        assertThat(lookup("#exportCsvButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(lookup("#exportCsvButton").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+E");
        assertThat(lookup("#exportPdfButton").queryAs(Button.class).getTooltip().getText()).contains("Ctrl+P");

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.forDocs(stage.getScene(), "report")).exists();
    }

    @Test
    void searchFindsTransactionsOfAnyClientAndEnterOpensTheChosenOne() {
        TextField field = lookup("#globalSearchField").query();
        assertThat(field.isDisabled()).isFalse();
        assertThat(field.getPromptText()).contains("Ctrl+F");

        push(KeyCode.SHORTCUT, KeyCode.F);
        assertThat(field.isFocused()).isTrue();
        write("lunch");

        ListView<SearchResult> results = awaitResults();
        // A slow typist sees the hits of "lu" first; the hits of the whole word replace them.
        await().atMost(Duration.ofSeconds(30)).until(() -> results.getItems().size() > 2
                && results.getItems().stream().filter(result -> !result.isReceipt())
                        .allMatch(result -> (result.memo() + " " + result.payee()).toLowerCase(Locale.ROOT).contains("lunch")));
        assertThat(results.getSelectionModel().getSelectedIndex()).isZero();
        type(KeyCode.DOWN);
        assertThat(results.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        String client = results.getItems().get(1).client();

        type(KeyCode.ENTER);

        assertThat(results.getScene().getWindow().isShowing()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Transactions");
        push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.equals(lookup("#clientNameLabel").queryAs(Label.class).getText()));
    }

    @Test
    void searchFindsReceiptsByTheirFileAndEnterOpensTheChosenOneOnTheReceiptsScreen() {
        push(KeyCode.SHORTCUT, KeyCode.F);
        write("invoice");

        ListView<SearchResult> results = awaitResults();
        await().atMost(Duration.ofSeconds(30)).until(() -> results.getItems().stream().anyMatch(SearchResult::isReceipt));
        // Down to the first receipt; the list may be searched again meanwhile (the demo's search backlog ending).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (results.getSelectionModel().getSelectedItem() == null
                || !results.getSelectionModel().getSelectedItem().isReceipt()) {
            assertThat(System.nanoTime()).as("a receipt result selected in time").isLessThan(deadline);
            type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        SearchResult chosen = results.getSelectionModel().getSelectedItem();
        ReceiptHit hit = ((SearchResult.ReceiptFound) chosen.found()).hit();
        assertThat(hit.originalName()).startsWith("invoice-");

        type(KeyCode.ENTER);

        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Receipts");
        ListView<ReceiptRow> receipts = lookup("#receiptList").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts.getSelectionModel().getSelectedItem() != null
                && receipts.getSelectionModel().getSelectedItem().receipt().id().equals(hit.receipt()));
    }

    @Test
    void escapeClosesTheResults() {
        clickOn("#globalSearchField").write("lunch");
        ListView<SearchResult> results = awaitResults();

        type(KeyCode.ESCAPE);

        // The key reaches the field through the input queue, which a busy machine may drain after type() returns.
        await().atMost(Duration.ofSeconds(5)).until(() -> !results.getScene().getWindow().isShowing());
        assertThat(lookup("#globalSearchField").queryAs(TextField.class).getText()).isEqualTo("lunch");
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Practice");
    }

    /** The results list lives in a popup window that exists only while it is shown. */
    private ListView<SearchResult> awaitResults() {
        await().atMost(Duration.ofSeconds(30)).until(() -> lookup("#searchResults").tryQuery().isPresent());
        ListView<SearchResult> results = lookup("#searchResults").query();
        assertThat(results.getScene().getWindow().isShowing()).isTrue();
        return results;
    }
}
