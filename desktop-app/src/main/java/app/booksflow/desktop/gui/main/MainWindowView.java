package app.booksflow.desktop.gui.main;

import app.booksflow.desktop.gui.ViewLoader;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;

/**
 * The shell: menu bar, navigation on the left, the current screen in the middle, status bar below.
 * Shortcuts use the Shortcut key (Ctrl on Windows and Linux, Cmd on macOS), and menus and tooltips
 * show them, so they can be learned by looking.
 */
public final class MainWindowView {

    static final KeyCombination SETTINGS_SHORTCUT = new KeyCharacterCombination(",", KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel viewModel;
    private final Function<Screen, Node> screens;
    private final Map<Screen, Node> shown = new EnumMap<>(Screen.class);
    private final BorderPane root;

    @FXML private Menu goMenu;
    @FXML private MenuItem settingsItem;
    @FXML private ListView<Screen> navigation;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;
    @FXML private Button cancelTaskButton;
    @FXML private Label syncLabel;
    @FXML private Hyperlink inboxLink;
    @FXML private Label lastSavedLabel;
    @FXML private ToolBar topBar;

    /** {@code screens} builds a screen's content the first time it is shown; it is kept afterwards. */
    public MainWindowView(MainWindowViewModel viewModel, Function<Screen, Node> screens) {
        this.viewModel = viewModel;
        this.screens = screens;
        this.root = ViewLoader.load(this);
    }

    public BorderPane root() {
        return root;
    }

    /** Puts a tool for every screen (the search field) into the bar under the menus. */
    public void addToTopBar(Node tool) {
        topBar.getItems().add(tool);
    }

    public static KeyCombination shortcutFor(Screen screen) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + screen.number()), KeyCombination.SHORTCUT_DOWN);
    }

    @FXML
    private void initialize() {
        for (Screen screen : viewModel.screens()) {
            MenuItem item = new MenuItem(screen.title());
            item.setAccelerator(shortcutFor(screen));
            item.setOnAction(event -> viewModel.navigate(screen));
            goMenu.getItems().add(item);
        }
        settingsItem.setAccelerator(SETTINGS_SHORTCUT);

        navigation.getItems().setAll(viewModel.screens());
        navigation.setCellFactory(list -> new ScreenCell());
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                viewModel.navigate(selected);
            }
        });
        viewModel.currentScreenProperty().addListener((observable, old, screen) -> show(screen));
        show(viewModel.currentScreenProperty().get());

        statusBar.textProperty().bind(viewModel.statusTextProperty());
        statusBar.progressProperty().bind(viewModel.taskProgressProperty());
        cancelTaskButton.visibleProperty().bind(viewModel.activeTaskProperty().isNotNull());
        cancelTaskButton.managedProperty().bind(cancelTaskButton.visibleProperty());
        cancelTaskButton.tooltipProperty().bind(Bindings.createObjectBinding(() -> viewModel.activeTaskProperty().get() == null
                ? null : new Tooltip("Stop \"" + viewModel.activeTaskProperty().get().title() + "\""),
                viewModel.activeTaskProperty()));
        syncLabel.textProperty().bind(viewModel.syncStatusProperty());
        Tooltip syncTip = new Tooltip();
        syncTip.textProperty().bind(viewModel.syncDetailProperty());
        syncTip.setWrapText(true);
        syncTip.setMaxWidth(480);
        syncLabel.setTooltip(syncTip);
        inboxLink.textProperty().bind(viewModel.inboxTextProperty());
        inboxLink.visibleProperty().bind(viewModel.inboxTextProperty().isNotEmpty());
        inboxLink.managedProperty().bind(inboxLink.visibleProperty());
        inboxLink.setTooltip(new Tooltip("Open the inbox of refused and conflicting changes ("
                + shortcutFor(Screen.INBOX).getDisplayText() + ")"));
        lastSavedLabel.textProperty().bind(viewModel.lastSavedTextProperty());
    }

    private void show(Screen screen) {
        content.getChildren().setAll(shown.computeIfAbsent(screen, screens));
        navigation.getSelectionModel().select(screen);
    }

    @FXML
    private void showSettings() {
        viewModel.navigate(Screen.SETTINGS);
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow();
    }

    @FXML
    private void showInbox() {
        viewModel.navigate(Screen.INBOX);
    }

    @FXML
    private void cancelTask() {
        viewModel.cancelActiveTask();
    }

    @FXML
    private void quit() {
        // A close request rather than Platform.exit(), so whatever guards the window's closing (unsaved work) runs.
        Window window = root.getScene().getWindow();
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    @FXML
    private void showAbout() {
        GridPane shortcuts = new GridPane();
        shortcuts.setHgap(24);
        shortcuts.setVgap(4);
        shortcuts.addRow(0, new Label("Keyboard shortcuts"));
        for (Screen screen : viewModel.screens()) {
            String keys = shortcutFor(screen).getDisplayText()
                    + (screen == Screen.SETTINGS ? "  or  " + SETTINGS_SHORTCUT.getDisplayText() : "");
            shortcuts.addRow(screen.number(), new Label(keys), new Label(screen.title()));
        }
        int row = viewModel.screens().size() + 1;
        shortcuts.addRow(row, new Label("F1"), new Label("This window"));
        shortcuts.addRow(row + 2, new Label("F5"), new Label("Sync now"));
        shortcuts.addRow(row + 1, new Label(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN).getDisplayText()),
                new Label("Quit"));

        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(root.getScene().getWindow());
        about.setTitle("About BooksFlow");
        about.setHeaderText("BooksFlow " + version() + "\nOffline-first bookkeeping for accountants");
        about.getDialogPane().setContent(shortcuts);
        about.show();
    }

    private static String version() {
        String version = MainWindowView.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    private static final class ScreenCell extends ListCell<Screen> {
        @Override
        protected void updateItem(Screen screen, boolean empty) {
            super.updateItem(screen, empty);
            if (empty || screen == null) {
                setText(null);
                setTooltip(null);
            } else {
                setText(screen.title());
                setTooltip(new Tooltip(screen.title() + " (" + shortcutFor(screen).getDisplayText() + ")"));
            }
        }
    }
}
