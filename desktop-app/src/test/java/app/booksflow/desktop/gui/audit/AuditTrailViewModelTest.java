package app.booksflow.desktop.gui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.AuditScenario;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.RiskLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Audit trail screen's view model over a week of real audited changes in an H2 file. */
class AuditTrailViewModelTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private AuditScenario scenario;
    private AuditTrailViewModel viewModel;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        scenario = new AuditScenario(books);
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        viewModel = new AuditTrailViewModel(new AuditQueries(books.store), books.ledger, settings,
                new SynchronousTaskExecutor(), books.clock);
        viewModel.clientProperty().set(scenario.bakery.id());
    }

    @AfterEach
    void close() {
        books.close();
    }

    private void choose(RiskLevel risk) {
        viewModel.riskProperty().set(viewModel.riskChoices().stream().filter(c -> c.value().equals(Optional.of(risk)))
                .findFirst().orElseThrow());
    }

    private void choose(EntityType type) {
        viewModel.entityTypeProperty().set(viewModel.entityChoices().stream()
                .filter(c -> c.value().equals(Optional.of(type))).findFirst().orElseThrow());
    }

    @Test
    void showsTheShownClientsEventsNewestFirstAndTheWholePracticeOnRequest() {
        assertThat(viewModel.events()).isNotEmpty().allSatisfy(row -> assertThat(row.client()).isEqualTo("Hill Street Bakery"));
        AuditRow newest = viewModel.events().get(0);
        assertThat(newest.when()).isEqualTo("19/06/2025, 09:00:00");
        assertThat(newest.action()).isEqualTo("Close period");
        assertThat(newest.risk()).isEqualTo("Critical");
        assertThat(newest.user()).isEqualTo(TestBooks.USER);

        viewModel.allClientsProperty().set(true);

        assertThat(viewModel.events().get(0).client()).isEqualTo("Acorn Joinery");
        assertThat(viewModel.events().get(0).user()).isEqualTo(AuditScenario.FORMULA_USER);
        assertThat(viewModel.events()).extracting(AuditRow::client).contains("Practice");
        assertThat(viewModel.pageTextProperty().get()).startsWith("1–" + viewModel.events().size() + " of ");
    }

    @Test
    void filtersByRiskEntityDatesAndUser() {
        viewModel.allClientsProperty().set(true);
        choose(RiskLevel.HIGH);
        assertThat(viewModel.events()).extracting(AuditRow::risk).containsExactly("Critical", "High");

        choose(RiskLevel.MEDIUM);
        choose(EntityType.TRANSACTION);
        assertThat(viewModel.events()).extracting(AuditRow::risk).containsExactly("High");

        viewModel.riskProperty().set(viewModel.riskChoices().get(0));
        viewModel.fromProperty().set(LocalDate.of(2025, 6, 17));
        viewModel.toProperty().set(LocalDate.of(2025, 6, 17));
        assertThat(viewModel.events()).extracting(AuditRow::action).containsExactly("Create");

        viewModel.fromProperty().set(null);
        viewModel.toProperty().set(null);
        viewModel.userProperty().set("hyperlink");
        assertThat(viewModel.events()).extracting(AuditRow::client).containsExactly("Acorn Joinery");
        viewModel.userProperty().set("nobody");
        assertThat(viewModel.events()).isEmpty();
        assertThat(viewModel.pageTextProperty().get()).isEqualTo("No events match.");
        assertThat(viewModel.selectedProperty().get()).isNull();
    }

    @Test
    void aStartAfterTheEndIsShownNextToTheDatesAndKeepsTheLastResults() {
        choose(EntityType.TRANSACTION);
        viewModel.fromProperty().set(LocalDate.of(2025, 6, 15));
        List<AuditRow> before = List.copyOf(viewModel.events());
        assertThat(before).hasSize(2);

        viewModel.toProperty().set(LocalDate.of(2025, 6, 1));

        assertThat(viewModel.filterErrorProperty().get()).isEqualTo("The start date 2025-06-15 is after the end date 2025-06-01.");
        assertThat(viewModel.events()).containsExactlyElementsOf(before);

        viewModel.toProperty().set(LocalDate.of(2025, 6, 30));
        assertThat(viewModel.filterErrorProperty().get()).isEmpty();
        assertThat(viewModel.events()).extracting(AuditRow::record).containsExactlyElementsOf(
                before.stream().map(AuditRow::record).toList());
    }

    @Test
    void theSelectedEventShowsBeforeAndAfterAndWhatChanged() {
        choose(EntityType.CLIENT);

        AuditRow closing = viewModel.events().get(0);
        viewModel.selectedProperty().set(closing);

        assertThat(viewModel.beforeProperty().get()).contains("\n").contains("\"name\" : \"Hill Street Bakery\"");
        assertThat(viewModel.afterProperty().get()).contains("\"closingDate\" : \"2025-03-31\"");
        assertThat(viewModel.differences()).containsExactly("closingDate: (none) → 2025-03-31");

        viewModel.selectedProperty().set(viewModel.events().get(1));
        assertThat(viewModel.beforeProperty().get()).isEqualTo("(nothing: created here)");
        assertThat(viewModel.differences()).contains("name: (none) → Hill Street Bakery");
    }

    @Test
    void exportsEveryFilteredEventToCsvWithProgressAndNeutralisedFormulas() throws IOException {
        viewModel.allClientsProperty().set(true);
        choose(EntityType.TRANSACTION);
        Path file = dir.resolve("exports").resolve("audit.csv");
        Files.createDirectories(file.getParent());

        viewModel.exportCsv(file);

        assertThat(viewModel.messageProperty().get()).isEqualTo("Exported 3 events to audit.csv.");
        assertThat(viewModel.exportProgressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.exportingProperty().get()).isFalse();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("\"'=HYPERLINK(");
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndBadFiltersExportNothing() {
        viewModel.exportCsv(dir.resolve("missing-folder").resolve("audit.csv"));

        assertThat(viewModel.messageProperty().get()).startsWith("The export failed; no file was written:");
        assertThat(viewModel.exportingProperty().get()).isFalse();

        viewModel.toProperty().set(LocalDate.of(2025, 6, 1));
        viewModel.fromProperty().set(LocalDate.of(2025, 6, 30));
        Path file = dir.resolve("audit.csv");
        viewModel.exportCsv(file);
        assertThat(viewModel.messageProperty().get()).startsWith("Correct the filters before exporting:");
        assertThat(file).doesNotExist();
    }
}
