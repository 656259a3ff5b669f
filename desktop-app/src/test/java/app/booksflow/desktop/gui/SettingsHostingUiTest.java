package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.settings.HostingViewModel;
import app.booksflow.desktop.gui.settings.SettingsView;
import app.booksflow.desktop.gui.settings.SettingsViewModel;
import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The hosting part of Settings is drawn and bound; it waits for the books before it can start. */
class SettingsHostingUiTest extends FxRobot {

    @TempDir
    Path dir;

    private Application app;
    private FxTaskExecutor executor;
    private HostingViewModel hosting;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openScreen() throws Exception {
        executor = FxTaskExecutor.withDefaultThreads(failure -> { });
        SettingsStore store = new SettingsStore(new AppDirectories(dir.resolve("config"), dir.resolve("data")));
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        app = FxToolkit.setupApplication(() -> new ScreenApp(() -> {
            SyncStatusViewModel sync = new SyncStatusViewModel(settings, executor, Platform::runLater, Clock.systemUTC());
            hosting = new HostingViewModel(sync, settings, store, dir.resolve("data"), executor, Map.of());
            SettingsViewModel form = new SettingsViewModel(store, settings, Optional.empty(), executor);
            return new SettingsView(form, null, hosting).root();
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        hosting.close();
        executor.shutdown();
    }

    @Test
    void showsThePortAndWaitsForTheBooksBeforeItCanStart() {
        TextField port = lookup("#hostingPortField").query();
        assertThat(port.getText()).isEqualTo("8080");
        assertThat(lookup("#hostingStartButton").<Button>query().isDisabled()).isTrue();
        assertThat(lookup("#hostingStopButton").<Button>query().isDisabled()).isTrue();
        assertThat(lookup("#hostingStatus").<Label>query().getText()).isEqualTo("Not hosting.");

        clickOn(port).eraseText(4).write("80x");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#hostingPortError").<Label>query().getText()).startsWith("The port is a number");
    }
}
