package app.booksflow.desktop.gui;

import app.booksflow.desktop.LaunchOptions;
import app.booksflow.desktop.support.DemoBooks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app in TestFX's headless stage, on a data folder of the test's own: a copy of the demo
 * practice's books as a first run leaves them, or empty for a test of the first run itself. "Today" is
 * 15 December 2025, the last month of the demo's books, unless a test class chooses another clock.
 */
abstract class AppWindowTest extends FxRobot {

    static final Clock DECEMBER_2025 = DemoBooks.DECEMBER_2025;

    @TempDir
    Path dir;

    Stage stage;
    private Application app;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openApp() throws Exception {
        LaunchOptions options = new LaunchOptions(Optional.of(dir.resolve("data")), Optional.of(dir.resolve("config")),
                Instant.now());
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        // The stage is shared by every test class: put back what an earlier one may have moved or resized.
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1200);
            stage.setHeight(760);
        }).get();
        Clock clock = clock();
        if (startsOnTheDemoBooks()) {
            DemoBooks.copyTo(dir.resolve("data"), clock);
        }
        beforeTheAppStarts(dir.resolve("data"));
        app = FxToolkit.setupApplication(() -> new BooksFlowApp(options, clock));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        // A dialog the test left open would take the keyboard from the next test class's window.
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(window -> window != stage)
                .forEach(Window::hide)).get();
    }

    /** Whether the app starts on a copy of the demo's books, or (false) on an empty folder, as a first run. */
    boolean startsOnTheDemoBooks() {
        return true;
    }

    /** What a test does to the data folder before the app opens it; nothing by default. */
    void beforeTheAppStarts(Path data) throws Exception {
    }

    /** What "today" is for the app under test. */
    Clock clock() {
        return DECEMBER_2025;
    }
}
