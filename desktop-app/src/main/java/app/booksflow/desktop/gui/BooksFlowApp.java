package app.booksflow.desktop.gui;

import app.booksflow.desktop.LaunchOptions;
import app.booksflow.desktop.gui.main.MainWindowView;
import app.booksflow.desktop.gui.main.MainWindowViewModel;
import app.booksflow.desktop.gui.main.Screen;
import app.booksflow.desktop.gui.placeholder.PlaceholderView;
import app.booksflow.desktop.gui.settings.SettingsView;
import app.booksflow.desktop.gui.settings.SettingsViewModel;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.gui.task.TaskFailure;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.dialog.ExceptionDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: puts the settings, the task executor and the views together and opens the
 * main window. Started by {@code app.booksflow.desktop.Main}; tests construct it with their own options.
 */
public final class BooksFlowApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(BooksFlowApp.class);

    /** Application.launch builds the app through its no-argument constructor; this carries Main's options to it. */
    private static final AtomicReference<LaunchOptions> LAUNCHED_WITH = new AtomicReference<>();

    private final LaunchOptions options;
    private SettingsStore settingsStore;
    private SettingsStore.Loaded loadedSettings;
    private TaskExecutor taskExecutor;

    public BooksFlowApp() {
        this(Objects.requireNonNullElseGet(LAUNCHED_WITH.get(), () -> LaunchOptions.defaults(
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()))));
    }

    public BooksFlowApp(LaunchOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** Opens the main window and returns when the app has exited. */
    public static void runUntilClosed(LaunchOptions options) {
        LAUNCHED_WITH.set(options);
        Application.launch(BooksFlowApp.class);
    }

    /** Runs before the FX thread is needed, so reading the settings file does not hold up the first frame. */
    @Override
    public void init() {
        AppDirectories directories = AppDirectories.forCurrentUser();
        directories = options.configDir().map(directories::withConfigFolder).orElse(directories);
        settingsStore = new SettingsStore(directories);
        loadedSettings = settingsStore.load();
    }

    @Override
    public void start(Stage stage) {
        taskExecutor = FxTaskExecutor.withDefaultThreads(failure -> showFailure(stage, failure));
        ObjectProperty<Settings> settings = new SimpleObjectProperty<>(loadedSettings.settings());
        Path dataFolder = options.dataDir().orElse(loadedSettings.settings().dataFolder());
        log.info("Settings from {}; data folder {}", settingsStore.file(), dataFolder);

        MainWindowViewModel mainViewModel = new MainWindowViewModel(settings, taskExecutor, Clock.systemDefaultZone());
        if (!loadedSettings.warnings().isEmpty()) {
            mainViewModel.noticeProperty().set("Some settings could not be read and were reset; see Settings.");
        }
        MainWindowView mainView = new MainWindowView(mainViewModel, screen -> contentFor(screen, settings));

        Scene scene = new Scene(mainView.root());
        scene.getStylesheets().add(Objects.requireNonNull(BooksFlowApp.class.getResource("booksflow.css")).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(mainViewModel.currentScreenProperty().map(screen -> "BooksFlow – " + screen.title()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new ColdStartLog(options.jvmStartedAt()));
        stage.show();
    }

    @Override
    public void stop() {
        if (taskExecutor != null) {
            taskExecutor.shutdown();
        }
    }

    private Node contentFor(Screen screen, ObjectProperty<Settings> settings) {
        if (screen == Screen.SETTINGS) {
            return new SettingsView(new SettingsViewModel(settingsStore, settings, options.dataDir(), taskExecutor)).root();
        }
        return new PlaceholderView(screen.title(), screen.plannedContent().orElseThrow()).root();
    }

    private static void showFailure(Stage owner, TaskFailure failure) {
        ExceptionDialog dialog = new ExceptionDialog(failure.error());
        dialog.initOwner(owner);
        dialog.setTitle("Something went wrong");
        dialog.setHeaderText("\"" + failure.taskTitle() + "\" failed. Your books are unchanged by this step; "
                + "the details below help us find the cause.");
        dialog.show();
    }

    /** Logs once how long the user waited from starting the JVM to seeing the window. */
    private static final class ColdStartLog implements EventHandler<WindowEvent> {
        private final Instant jvmStartedAt;
        private boolean logged;

        ColdStartLog(Instant jvmStartedAt) {
            this.jvmStartedAt = jvmStartedAt;
        }

        @Override
        public void handle(WindowEvent event) {
            if (!logged) {
                logged = true;
                log.info("cold start to visible window: {} ms", Duration.between(jvmStartedAt, Instant.now()).toMillis());
            }
        }
    }
}
