package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.practice.ClientRow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app on an empty data folder: it opens the books, loads the demo practice, lists the clients and
 * opens one with the keyboard. "Today" is 15 December 2025, the last month of the demo's books.
 */
class DashboardUiTest extends AppWindowTest {

    @Override
    boolean startsOnTheDemoBooks() {
        return false;
    }

    @Test
    void demoPracticeIsListedAndAClientOpensOnItsDashboardWithCharts() {
        await().atMost(Duration.ofSeconds(120)).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 5);
        TableView<ClientRow> clients = lookup("#clientTable").query();
        assertThat(clients.getItems()).allSatisfy(row -> assertThat(row.income()).isNotBlank());

        clickOn("#searchField");
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);

        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Dashboard");
        BarChart<String, Number> months = lookup("#monthsChart").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> months.getData().size() == 2
                && months.getData().get(0).getData().size() == 12);
        assertThat(months.getData().get(0).getData()).anySatisfy(bar -> assertThat(bar.getYValue().doubleValue()).isPositive());
        assertThat(months.getData()).extracting(XYChart.Series::getName).containsExactly("Income", "Expenses");
        assertThat(lookup("#clientNameLabel").queryAs(Label.class).getText()).isEqualTo(clients.getItems().get(0).name());
        assertThat(lookup("#incomeLabel").queryAs(Label.class).getText()).isNotBlank();
        PieChart categories = lookup("#categoriesChart").queryAs(PieChart.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !categories.getData().isEmpty());

        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.forDocs(stage.getScene(), "dashboard");
        assertThat(file).exists();
    }

    @Test
    void typingInTheSearchFieldFiltersTheClients() {
        await().atMost(Duration.ofSeconds(120)).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 5);
        TableView<ClientRow> clients = lookup("#clientTable").query();
        String name = clients.getItems().get(3).name();

        clickOn("#searchField").write(name);

        assertThat(clients.getItems()).extracting(ClientRow::name).containsExactly(name);
    }
}
