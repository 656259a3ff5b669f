package app.booksflow.desktop.gui.receipts;

import app.booksflow.desktop.gui.ViewLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The import's progress under the receipt list: a bar, the count, rate and time left, Pause, Resume and
 * Cancel, and a table of the files with their state and reason (or only the problems); the watch folder
 * below. Plus the Import folder… button (Ctrl+I) for the screen's tool bar. The user keeps working while
 * it fills: it changes only when the view model applies a progress snapshot.
 */
public final class ReceiptImportView {

    static final KeyCombination IMPORT_FOLDER = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);

    private final ReceiptImportViewModel viewModel;
    private final Parent root;
    private final Button importButton = new Button("Import folder…");

    @FXML private VBox importRoot;
    @FXML private ProgressBar importProgress;
    @FXML private Label countLabel;
    @FXML private Label rateLabel;
    @FXML private Label timeLeftLabel;
    @FXML private ToggleButton problemsOnly;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button cancelButton;
    @FXML private Button clearButton;
    @FXML private Label importMessage;
    @FXML private TableView<ImportFileRow> fileTable;
    @FXML private TableColumn<ImportFileRow, String> nameColumn;
    @FXML private TableColumn<ImportFileRow, String> stateColumn;
    @FXML private TableColumn<ImportFileRow, String> reasonColumn;
    @FXML private TableColumn<ImportFileRow, String> folderColumn;
    @FXML private Label watchLabel;
    @FXML private Button watchButton;
    @FXML private Button stopWatchingButton;

    public ReceiptImportView(ReceiptImportViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    /** For the Receipts screen's tool bar. */
    public Button importButton() {
        return importButton;
    }

    @FXML
    private void initialize() {
        importButton.setId("importFolderButton");
        importButton.setTooltip(new Tooltip("Import every receipt in a folder and its subfolders, read by OCR (Ctrl+I); "
                + "or drop files and folders onto the list"));
        importButton.setOnAction(event -> chooseFolder());

        importProgress.progressProperty().bind(viewModel.progressProperty());
        countLabel.textProperty().bind(viewModel.countProperty());
        rateLabel.textProperty().bind(viewModel.rateProperty());
        timeLeftLabel.textProperty().bind(viewModel.timeLeftProperty());
        showText(importMessage, viewModel.messageProperty());

        pauseButton.setOnAction(event -> viewModel.pause());
        pauseButton.disableProperty().bind(viewModel.busyProperty().not().or(viewModel.pausedProperty()));
        resumeButton.setOnAction(event -> viewModel.resume());
        resumeButton.disableProperty().bind(viewModel.pausedProperty().not());
        cancelButton.setOnAction(event -> viewModel.cancel());
        cancelButton.disableProperty().bind(viewModel.busyProperty().not());
        clearButton.setOnAction(event -> viewModel.clearFinished());

        nameColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        stateColumn.setCellValueFactory(cell -> cell.getValue().stateTextProperty());
        reasonColumn.setCellValueFactory(cell -> cell.getValue().reasonProperty());
        folderColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().folder()));
        fileTable.itemsProperty().bind(Bindings.when(problemsOnly.selectedProperty())
                .then(viewModel.problems()).otherwise(viewModel.files()));

        // Always laid out, empty until the first import: showing a table for the first time mid-import would
        // cost the FX thread its skin and styles just when the work starts.
        importProgress.visibleProperty().bind(viewModel.shownProperty());
        fileTable.setPlaceholder(new Label("No import yet: Import folder… (Ctrl+I), or drop files and folders on the list."));
        problemsOnly.selectedProperty().addListener((observable, was, only) -> fileTable.setPlaceholder(new Label(only
                ? "No problem so far." : "No import yet: Import folder… (Ctrl+I), or drop files and folders on the list.")));
        showText(watchLabel, viewModel.watchTextProperty());
        watchButton.setOnAction(event -> chooseWatchFolder());
        stopWatchingButton.setOnAction(event -> viewModel.stopWatching());
        stopWatchingButton.visibleProperty().bind(viewModel.watchingProperty());
        stopWatchingButton.managedProperty().bind(stopWatchingButton.visibleProperty());
    }

    private static void showText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import the receipts in a folder");
        File chosen = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            viewModel.importFolder(chosen.toPath());
        }
    }

    private void chooseWatchFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Watch a folder for new receipts");
        File chosen = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            viewModel.watchFolder(chosen.toPath());
        }
    }

    /** Files and folders dropped on the receipts: imported and read. */
    void dropped(List<Path> paths) {
        viewModel.importDropped(paths);
    }
}
