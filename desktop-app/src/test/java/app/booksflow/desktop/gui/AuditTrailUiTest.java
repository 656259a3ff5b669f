package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.gui.audit.AuditRow;
import app.booksflow.desktop.gui.audit.AuditTrailView;
import app.booksflow.desktop.gui.audit.AuditTrailViewModel;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.AuditScenario;
import app.booksflow.desktop.support.TestBooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

/** The Audit trail screen on a real store: the whole practice's trail, narrowed by typing a user, one event opened. */
class AuditTrailUiTest extends FxRobot {

    @TempDir
    Path dir;

    private TestBooks books;
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
        AuditScenario scenario = new AuditScenario(books);
        executor = FxTaskExecutor.withDefaultThreads(failure -> failures.add(failure.error()));
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        app = FxToolkit.setupApplication(() -> new ScreenApp(() -> {
            AuditTrailViewModel viewModel = new AuditTrailViewModel(new AuditQueries(books.store), books.ledger, settings,
                    executor, books.clock);
            viewModel.clientProperty().set(scenario.bakery.id());
            viewModel.refresh();
            return new AuditTrailView(viewModel).root();
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
    void narrowsTheWholePracticesTrailByUserAndShowsWhatAnEventChanged() {
        TableView<AuditRow> table = lookup("#auditTable").query();
        await().atMost(Duration.ofSeconds(30)).until(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).allSatisfy(row -> assertThat(row.client()).isEqualTo("Hill Street Bakery"));

        clickOn("#allClientsCheck");
        clickOn("#userFilter").write("sam@");

        await().atMost(Duration.ofSeconds(30)).until(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(AuditRow::action).containsExactly("Delete", "Create");
        clickOn("Delete");
        TextArea before = lookup("#beforeText").query();
        TextArea after = lookup("#afterText").query();
        assertThat(before.getText()).contains("\"payee\" : \"Customer\"");
        assertThat(after.getText()).isEqualTo("(nothing: deleted here)");
        assertThat(lookup("#differenceList").<ListView<String>>query().getItems()).contains("payee: Customer → (none)");
        assertThat(lookup("#exportCsv").tryQuery()).isPresent();
        assertThat(failures).isEmpty();
        Screenshots.write(table.getScene(), "audit-trail");
    }
}
