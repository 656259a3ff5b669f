package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.main.Screen;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.settings.SyncServerAddress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The few click-through tests: the real app, headless under Monocle, driven by keyboard and mouse.
 * Everything else about these screens is tested on their ViewModels.
 */
class MainWindowUiTest extends AppWindowTest {

    @Test
    void windowOpensWithNavigationAndStatusBarAndEveryScreenCanBeShown() {
        ListView<Screen> navigation = lookup("#navigation").queryListView();
        assertThat(navigation.getItems()).hasSize(8);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Practice");
        // Before the books are open the status says what the settings say; once they are, the engine reports.
        assertThat(lookup(".sync-status").queryAs(Label.class).getText()).isIn("Offline · Sync not set up", "Not signed in");
        clickOn("Receipts");
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Receipts");
        assertThat(lookup(".last-saved").queryAs(Label.class).getText()).isEqualTo("Nothing saved yet");
        StatusBar statusBar = lookup("#statusBar").queryAs(StatusBar.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> "Ready".equals(statusBar.getText()));
        // Once the books are open their sync engine reports; books never signed in make no network call.
        Label sync = lookup(".sync-status").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Not signed in".equals(sync.getText()));
        assertThat(lookup("#inboxLink").queryAs(Hyperlink.class).isVisible()).isFalse();
    }

    @Test
    void shortcutOpensSettingsWhereAnInvalidServerAddressIsExplainedAndCannotBeSaved() {
        push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
        assertThat(stage.getTitle()).isEqualTo("BooksFlow – Settings");

        clickOn("#syncServerField").write("ftp://sync.example.com");

        assertThat(lookup("#syncServerError").queryAs(Label.class).getText()).contains("must start with https://");
        assertThat(lookup("#saveButton").queryButton().isDisabled()).isTrue();
        Screenshots.write(stage.getScene(), "settings-invalid-server-address");
    }

    @Test
    void validServerAddressIsSavedToTheSettingsFileAndShownInTheStatusBar() throws IOException {
        clickOn("Settings");
        clickOn("#syncServerField").write("https://sync.example.com");
        Button save = lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isFalse();

        clickOn(save);

        SettingsStore store = new SettingsStore(AppDirectories.forCurrentUser().withConfigFolder(dir.resolve("config")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(store.file()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.load().settings().syncServer()).contains(SyncServerAddress.parse("https://sync.example.com"));
        assertThat(lookup(".save-outcome").queryAs(Label.class).getText()).isEqualTo("Settings saved.");
        assertThat(lookup(".sync-status").queryAs(Label.class).getText()).contains("sync.example.com");
        assertThat(save.isDisabled()).isTrue();
    }

    @Test
    void screenshotOfTheMainWindowIsWrittenAsPng() throws IOException {
        Path file = Screenshots.write(stage.getScene(), "main-window");

        BufferedImage picture = ImageIO.read(file.toFile());
        assertThat(picture.getWidth()).isEqualTo((int) stage.getScene().getWidth());
        assertThat(picture.getHeight()).isEqualTo((int) stage.getScene().getHeight());
    }
}
