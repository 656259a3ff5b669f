package app.booksflow.desktop.gui.audit;

import app.booksflow.desktop.gui.ViewLoader;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.RiskLevel;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Callback;

/** Binds AuditTrail.fxml to the {@link AuditTrailViewModel}; Export CSV… (Ctrl+E) asks where to write. */
public final class AuditTrailView {

    static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final AuditTrailViewModel viewModel;
    private final Parent root;

    @FXML private VBox auditRoot;
    @FXML private CheckBox allClientsCheck;
    @FXML private ComboBox<Choice<RiskLevel>> riskFilter;
    @FXML private ComboBox<Choice<EntityType>> entityFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TextField userFilter;
    @FXML private Button exportCsv;
    @FXML private ProgressBar exportProgress;
    @FXML private Button cancelExport;
    @FXML private Label filterError;
    @FXML private Label messageLabel;
    @FXML private TableView<AuditRow> auditTable;
    @FXML private TableColumn<AuditRow, String> whenColumn;
    @FXML private TableColumn<AuditRow, String> userColumn;
    @FXML private TableColumn<AuditRow, String> clientColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> entityColumn;
    @FXML private TableColumn<AuditRow, String> riskColumn;
    @FXML private TableColumn<AuditRow, String> summaryColumn;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label pageLabel;
    @FXML private ListView<String> differenceList;
    @FXML private TextArea beforeText;
    @FXML private TextArea afterText;

    public AuditTrailView(AuditTrailViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        allClientsCheck.selectedProperty().bindBidirectional(viewModel.allClientsProperty());
        allClientsCheck.disableProperty().bind(viewModel.clientProperty().isNull());
        riskFilter.setItems(viewModel.riskChoices());
        riskFilter.valueProperty().bindBidirectional(viewModel.riskProperty());
        entityFilter.setItems(viewModel.entityChoices());
        entityFilter.valueProperty().bindBidirectional(viewModel.entityTypeProperty());
        fromDate.valueProperty().bindBidirectional(viewModel.fromProperty());
        toDate.valueProperty().bindBidirectional(viewModel.toProperty());
        userFilter.textProperty().bindBidirectional(viewModel.userProperty());
        showText(filterError, viewModel.filterErrorProperty());
        showText(messageLabel, viewModel.messageProperty());

        whenColumn.setCellValueFactory(column(AuditRow::when));
        userColumn.setCellValueFactory(column(AuditRow::user));
        clientColumn.setCellValueFactory(column(AuditRow::client));
        actionColumn.setCellValueFactory(column(AuditRow::action));
        entityColumn.setCellValueFactory(column(AuditRow::entity));
        riskColumn.setCellValueFactory(column(AuditRow::risk));
        summaryColumn.setCellValueFactory(column(AuditRow::summary));
        auditTable.setItems(viewModel.events());
        auditTable.setPlaceholder(new Label("No audit events match the filters."));
        auditTable.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            if (row != null && row != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((observable, old, row) -> {
            if (row != null && auditTable.getSelectionModel().getSelectedItem() != row) {
                auditTable.getSelectionModel().select(row);
            }
        });
        previousPage.setOnAction(event -> viewModel.previousPage());
        previousPage.disableProperty().bind(viewModel.hasPreviousProperty().not());
        nextPage.setOnAction(event -> viewModel.nextPage());
        nextPage.disableProperty().bind(viewModel.hasNextProperty().not());
        pageLabel.textProperty().bind(viewModel.pageTextProperty());

        differenceList.setItems(viewModel.differences());
        differenceList.setPlaceholder(new Label("Select an event to see what it changed."));
        beforeText.textProperty().bind(viewModel.beforeProperty());
        afterText.textProperty().bind(viewModel.afterProperty());

        exportCsv.setOnAction(event -> chooseExportFile());
        exportCsv.disableProperty().bind(viewModel.exportingProperty());
        exportProgress.progressProperty().bind(viewModel.exportProgressProperty());
        exportProgress.visibleProperty().bind(viewModel.exportingProperty());
        cancelExport.visibleProperty().bind(viewModel.exportingProperty());
        cancelExport.managedProperty().bind(cancelExport.visibleProperty());
        exportProgress.managedProperty().bind(exportProgress.visibleProperty());
        cancelExport.setOnAction(event -> viewModel.cancelExport());
        auditRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (EXPORT.match(event)) {
                chooseExportFile();
                event.consume();
            }
        });
    }

    private void chooseExportFile() {
        if (viewModel.exportingProperty().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit trail");
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    private static void showText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static Callback<TableColumn.CellDataFeatures<AuditRow, String>, ObservableValue<String>> column(
            Function<AuditRow, String> text) {
        return cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue()));
    }
}
