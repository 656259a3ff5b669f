package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.gui.practice.ClientRow;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.support.DamagedBooks;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Books that no longer open, on the whole app: the start-up offers the safety copy (ADR 0041), and choosing it
 * puts the books back on screen, the damaged file kept.
 */
class SafetyCopyUiTest extends AppWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Override
    boolean startsOnTheDemoBooks() {
        return false;
    }

    /** Books of two clients and 400 transactions, their safety copy, then the books' file damaged. */
    @Override
    void beforeTheAppStarts(Path data) {
        DataDirectory directory = new DataDirectory(data);
        try (LocalStore store = LocalStore.open(directory)) {
            DemoPractice.load(store, PracticeSpec.demo().withClients(2).withTransactions(400), clock(), client -> { });
            SafetyCopy.take(store, "after the demo practice's load", clock());
        }
        DamagedBooks.soTheyDoNotOpen(directory);
    }

    @Test
    void theSafetyCopyIsOfferedAndPutBackInPlaceOfBooksThatNoLongerOpen() throws Exception {
        await().atMost(WAIT).until(() -> lookup("#recoveryDialog").tryQuery().isPresent());
        DialogPane offer = lookup("#recoveryDialog").query();
        assertThat(offer.getHeaderText()).isEqualTo("The books do not open");
        assertThat(offer.getContentText()).contains("could not be opened", "The safety copy taken",
                "after the demo practice's load", "400 transactions");

        clickOn("Put the safety copy back");

        await().atMost(WAIT).until(() -> lookup("#clientTable").tryQuery().isPresent()
                && lookup("#clientTable").<TableView<ClientRow>>query().getItems().size() == 2);
        DataDirectory directory = new DataDirectory(dir.resolve("data"));
        try (var kept = Files.list(directory.damaged())) {
            assertThat(kept.toList()).singleElement();
        }
        await().atMost(WAIT).until(() -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(lookup(".dialog-pane").<DialogPane>query().getContentText()).contains("is back in place",
                directory.damaged().toString());
        clickOn("OK");
        assertThat(lookup(".dialog-pane").tryQuery()).isEmpty();
    }
}
