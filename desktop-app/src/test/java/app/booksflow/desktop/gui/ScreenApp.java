package app.booksflow.desktop.gui;

import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One screen alone in the registered primary stage, set up and cleaned up like the whole app in the
 * other UI tests ({@code FxToolkit.setupApplication}), so that the tests leave the window as they found it.
 */
final class ScreenApp extends Application {

    private final Supplier<Parent> screen;

    ScreenApp(Supplier<Parent> screen) {
        this.screen = screen;
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(screen.get(), 1200, 760));
        stage.show();
    }
}
