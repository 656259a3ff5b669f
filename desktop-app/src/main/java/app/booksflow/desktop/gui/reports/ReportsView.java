package app.booksflow.desktop.gui.reports;

import app.booksflow.desktop.gui.ViewLoader;
import app.booksflow.desktop.reports.export.Cell;
import app.booksflow.desktop.reports.export.ExportFormat;
import app.booksflow.desktop.reports.export.ReportTable;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * Binds Reports.fxml to the {@link ReportsViewModel}. The table's columns are those of the report read;
 * amount columns are right-aligned and totals rows bold. Export asks for a file here, in the view, and
 * hands the path to the view model. Shortcut+E exports CSV and Shortcut+P PDF while the screen is shown.
 */
public final class ReportsView {

    static final KeyCombination EXPORT_CSV = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPORT_PDF = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final ReportsViewModel viewModel;
    private final Parent root;
    private File lastFolder;

    @FXML private Label headingLabel;
    @FXML private ComboBox<ReportKind> reportChoice;
    @FXML private HBox periodBox;
    @FXML private ComboBox<PeriodPreset> periodChoice;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private HBox asOfBox;
    @FXML private DatePicker asOfPicker;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button exportCsvButton;
    @FXML private Button exportPdfButton;
    @FXML private Label periodErrorLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<ReportRow> reportTable;
    @FXML private ProgressIndicator exportIndicator;
    @FXML private Label exportMessageLabel;

    public ReportsView(ReportsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        reportChoice.getItems().setAll(viewModel.kinds());
        reportChoice.valueProperty().bindBidirectional(viewModel.kindProperty());
        periodChoice.getItems().setAll(viewModel.presets());
        periodChoice.valueProperty().bindBidirectional(viewModel.presetProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        asOfPicker.valueProperty().bindBidirectional(viewModel.asOfProperty());

        var asOfADay = viewModel.kindProperty().map(ReportKind::asOfADay).orElse(false);
        asOfBox.visibleProperty().bind(asOfADay);
        asOfBox.managedProperty().bind(asOfBox.visibleProperty());
        periodBox.visibleProperty().bind(asOfBox.visibleProperty().not());
        periodBox.managedProperty().bind(periodBox.visibleProperty());

        periodErrorLabel.textProperty().bind(viewModel.periodErrorProperty());
        periodErrorLabel.visibleProperty().bind(viewModel.periodErrorProperty().isNotEmpty().and(periodBox.visibleProperty()));
        periodErrorLabel.managedProperty().bind(periodErrorLabel.visibleProperty());
        viewModel.periodErrorProperty().addListener((observable, old, error) -> markInvalid(!error.isEmpty()));
        markInvalid(!viewModel.periodErrorProperty().get().isEmpty());

        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());

        exportCsvButton.setTooltip(new Tooltip("Save the report as a CSV file for a spreadsheet (" + EXPORT_CSV.getDisplayText() + ")"));
        exportPdfButton.setTooltip(new Tooltip("Save the report as a PDF to print or send (" + EXPORT_PDF.getDisplayText() + ")"));
        exportCsvButton.disableProperty().bind(viewModel.tableProperty().isNull().or(viewModel.exportingProperty()));
        exportPdfButton.disableProperty().bind(exportCsvButton.disableProperty());
        exportIndicator.visibleProperty().bind(viewModel.exportingProperty());
        exportIndicator.managedProperty().bind(exportIndicator.visibleProperty());
        exportMessageLabel.textProperty().bind(viewModel.exportMessageProperty());
        viewModel.exportFailedProperty().addListener((observable, old, failed) -> {
            exportMessageLabel.getStyleClass().removeAll("field-error", "field-note");
            exportMessageLabel.getStyleClass().add(failed ? "field-error" : "field-note");
        });

        reportTable.setItems(viewModel.rows());
        reportTable.setPlaceholder(new Label(""));
        reportTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reportTable.setRowFactory(table -> new TotalsRow());
        viewModel.tableProperty().addListener((observable, old, read) -> columnsFor(read));
        columnsFor(viewModel.tableProperty().get());

        // The shortcuts belong to this screen: they are on the scene only while the screen is in it.
        // Any node of the view will do: root is only set once loading (and this method) has finished.
        reportTable.sceneProperty().addListener((observable, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(EXPORT_CSV);
                old.getAccelerators().remove(EXPORT_PDF);
            }
            if (scene != null) {
                // Coming back to the screen shows the books as they are now, with any change made meanwhile.
                viewModel.refresh();
                scene.getAccelerators().put(EXPORT_CSV, this::exportCsv);
                scene.getAccelerators().put(EXPORT_PDF, this::exportPdf);
            }
        });
    }

    private void markInvalid(boolean invalid) {
        for (DatePicker picker : List.of(fromPicker, toPicker)) {
            picker.getStyleClass().remove("invalid");
            if (invalid) {
                picker.getStyleClass().add("invalid");
            }
        }
    }

    /** Rebuilds the columns only when the report's headers change, so widths set by the user survive a new period. */
    private void columnsFor(ReportTable read) {
        if (read == null) {
            return;
        }
        List<String> current = reportTable.getColumns().stream().map(TableColumn::getText).toList();
        if (current.equals(read.headers())) {
            return;
        }
        List<List<Cell>> lines = new java.util.ArrayList<>(read.rows());
        lines.addAll(read.totals());
        reportTable.getColumns().clear();
        for (int i = 0; i < read.headers().size(); i++) {
            int column = i;
            TableColumn<ReportRow, String> tableColumn = new TableColumn<>(read.headers().get(i));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().cell(column)));
            tableColumn.setSortable(false);
            boolean amount = lines.stream().anyMatch(line -> line.get(column) instanceof Cell.Amount);
            if (amount) {
                tableColumn.getStyleClass().add("amount");
            }
            reportTable.getColumns().add(tableColumn);
        }
    }

    @FXML
    private void exportCsv() {
        export(ExportFormat.CSV);
    }

    @FXML
    private void exportPdf() {
        export(ExportFormat.PDF);
    }

    private void export(ExportFormat format) {
        if (viewModel.tableProperty().get() == null || viewModel.exportingProperty().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report as " + format.label());
        chooser.setInitialFileName(viewModel.suggestedFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label() + " files", "*." + format.extension()));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        Scene scene = root.getScene();
        File chosen = chooser.showSaveDialog(scene == null ? null : scene.getWindow());
        if (chosen != null) {
            lastFolder = chosen.getParentFile();
            Path file = chosen.toPath();
            if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + format.extension())) {
                file = file.resolveSibling(file.getFileName() + "." + format.extension());
            }
            viewModel.export(format, file);
        }
    }

    private static final class TotalsRow extends TableRow<ReportRow> {
        @Override
        protected void updateItem(ReportRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("report-total");
            if (!empty && row != null && row.total()) {
                getStyleClass().add("report-total");
            }
        }
    }
}
