package app.booksflow.desktop.gui.receipts;

import app.booksflow.desktop.gui.ViewLoader;
import app.booksflow.model.ledger.Account;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.SearchableComboBox;

/**
 * Binds Receipts.fxml to the {@link ReceiptsViewModel}: the receipt list with thumbnails, files dropped
 * from the OS or chosen with Attach files… (Ctrl+O), the picture with zoom beside the fields, and the
 * transactions a receipt can be dragged onto (or linked with Ctrl+L); a confirmed receipt is posted to the
 * ledger with Post to ledger (Ctrl+P).
 */
public final class ReceiptsView {

    static final KeyCombination ATTACH = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination LINK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination UNLINK = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CONFIRM = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination POST = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ROTATE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    /** Ctrl+F stays the search across all clients; this one searches the receipts listed here. */
    static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** What a receipt dragged onto a transaction carries: its id. */
    static final DataFormat RECEIPT = new DataFormat("application/x-booksflow-receipt-id");

    private final ReceiptsViewModel viewModel;
    private final Parent root;
    /** Converted once per drawn picture, dropped with it. */
    private final Map<BufferedImage, Image> images = new WeakHashMap<>();

    @FXML private BorderPane receiptsRoot;
    @FXML private HBox toolbar;
    @FXML private ComboBox<StatusFilter> statusFilter;
    @FXML private TextField receiptSearch;
    @FXML private Button attachFiles;
    @FXML private Button linkButton;
    @FXML private Button unlinkButton;
    @FXML private Label messageLabel;
    @FXML private ListView<String> refusalList;
    @FXML private ListView<ReceiptRow> receiptList;
    @FXML private ToggleButton fitToggle;
    @FXML private Button rotateButton;
    @FXML private Slider zoomSlider;
    @FXML private Label zoomLabel;
    @FXML private ScrollPane previewPane;
    @FXML private ImageView previewImage;
    @FXML private Label previewProblem;
    @FXML private TextField vendorField;
    @FXML private Label vendorConfidence;
    @FXML private Label vendorError;
    @FXML private TextField dateField;
    @FXML private Label dateConfidence;
    @FXML private Label dateError;
    @FXML private TextField totalField;
    @FXML private Label totalConfidence;
    @FXML private Label totalError;
    @FXML private TextField taxField;
    @FXML private Label taxConfidence;
    @FXML private Label taxError;
    @FXML private TextField currencyField;
    @FXML private Label currencyConfidence;
    @FXML private Label currencyError;
    @FXML private SearchableComboBox<CategoryChoice> categoryField;
    @FXML private Label categoryNote;
    @FXML private Button confirmFields;
    @FXML private Label reviewNote;
    @FXML private SearchableComboBox<Account> paidFromField;
    @FXML private Button postButton;
    @FXML private Label linkedToLabel;
    @FXML private ListView<TransactionRow> transactionList;

    public ReceiptsView(ReceiptsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    /**
     * Adds bulk import: Import folder… (Ctrl+I) in the tool bar, its progress under the list, and files or
     * folders dropped on the screen imported (copied and read) rather than only attached.
     */
    public ReceiptsView withImports(ReceiptImportView imports) {
        toolbar.getChildren().add(1, imports.importButton());
        receiptsRoot.setBottom(imports.root());
        receiptsRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (ReceiptImportView.IMPORT_FOLDER.match(event)) {
                imports.chooseFolder();
                event.consume();
            }
        });
        receiptsRoot.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                imports.dropped(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
        return this;
    }

    @FXML
    private void initialize() {
        statusFilter.setItems(viewModel.statusFilters());
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        receiptSearch.textProperty().bindBidirectional(viewModel.searchTextProperty());
        showText(messageLabel, viewModel.messageProperty());
        refusalList.setItems(viewModel.refusals());
        refusalList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.refusals()));
        refusalList.managedProperty().bind(refusalList.visibleProperty());

        receiptList.setItems(viewModel.receipts());
        receiptList.setCellFactory(list -> new ReceiptCell());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(viewModel.emptyTextProperty());
        receiptList.setPlaceholder(empty);
        receiptList.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            if (row != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((observable, old, row) -> {
            if (row == null) {
                receiptList.getSelectionModel().clearSelection();
            } else if (receiptList.getSelectionModel().getSelectedItem() != row) {
                receiptList.getSelectionModel().select(row);
            }
        });

        transactionList.setItems(viewModel.candidates());
        transactionList.setCellFactory(list -> new TransactionCell());
        Label noTransactions = new Label();
        noTransactions.setWrapText(true);
        noTransactions.textProperty().bind(Bindings.when(viewModel.selectedProperty().isNull())
                .then("Select a receipt to see the transactions it may back.")
                .otherwise("Every transaction of this client has a receipt."));
        transactionList.setPlaceholder(noTransactions);
        transactionList.getSelectionModel().selectedItemProperty().addListener((observable, old, row) ->
                viewModel.selectedTransactionProperty().set(row));

        bindField(vendorField, viewModel.form().vendorProperty(), vendorConfidence,
                viewModel.form().vendorConfidenceProperty(), vendorError, viewModel.form().vendorErrorProperty());
        bindField(dateField, viewModel.form().dateProperty(), dateConfidence, viewModel.form().dateConfidenceProperty(),
                dateError, viewModel.form().dateErrorProperty());
        bindField(totalField, viewModel.form().totalProperty(), totalConfidence,
                viewModel.form().totalConfidenceProperty(), totalError, viewModel.form().totalErrorProperty());
        bindField(taxField, viewModel.form().taxProperty(), taxConfidence, viewModel.form().taxConfidenceProperty(),
                taxError, viewModel.form().taxErrorProperty());
        bindField(currencyField, viewModel.form().currencyProperty(), currencyConfidence,
                viewModel.form().currencyConfidenceProperty(), currencyError, viewModel.form().currencyErrorProperty());
        categoryField.setItems(viewModel.form().categories());
        categoryField.valueProperty().bindBidirectional(viewModel.form().categoryProperty());
        showText(categoryNote, viewModel.form().categoryNoteProperty());
        for (Control field : List.of(vendorField, dateField, totalField, taxField, currencyField, categoryField)) {
            field.disableProperty().bind(viewModel.reviewableProperty().not());
        }
        confirmFields.disableProperty().bind(viewModel.reviewableProperty().not().or(viewModel.busyProperty()));
        confirmFields.setOnAction(event -> viewModel.confirmFields());
        showText(reviewNote, viewModel.reviewNoteProperty());
        paidFromField.setItems(viewModel.paidFromChoices());
        paidFromField.valueProperty().bindBidirectional(viewModel.paidFromProperty());
        postButton.setOnAction(event -> viewModel.postSelected());
        postButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.linkedProperty())
                .or(viewModel.busyProperty()));
        linkedToLabel.textProperty().bind(viewModel.linkedToProperty());

        attachFiles.setOnAction(event -> chooseFiles());
        linkButton.setOnAction(event -> viewModel.linkSelected());
        linkButton.disableProperty().bind(viewModel.selectedProperty().isNull()
                .or(viewModel.selectedTransactionProperty().isNull()).or(viewModel.busyProperty()));
        unlinkButton.setOnAction(event -> viewModel.unlinkSelected());
        unlinkButton.disableProperty().bind(viewModel.linkedProperty().not().or(viewModel.busyProperty()));

        bindPreview();
        acceptDroppedFiles();
        receiptsRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (ATTACH.match(event)) {
                chooseFiles();
            } else if (LINK.match(event)) {
                viewModel.linkSelected();
            } else if (UNLINK.match(event)) {
                viewModel.unlinkSelected();
            } else if (CONFIRM.match(event)) {
                viewModel.confirmFields();
            } else if (POST.match(event)) {
                viewModel.postSelected();
            } else if (ROTATE.match(event)) {
                rotatePreview();
            } else if (SEARCH.match(event)) {
                receiptSearch.requestFocus();
                receiptSearch.selectAll();
            } else {
                return;
            }
            event.consume();
        });
    }

    private static void showText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void bindField(TextField field, StringProperty value, Label confidence, ObservableStringValue
            confidenceText, Label error, ObservableStringValue errorText) {
        field.textProperty().bindBidirectional(value);
        showText(confidence, confidenceText);
        showText(error, errorText);
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach receipts");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Receipts (JPEG, PNG, TIFF, PDF)", "*.jpg", "*.jpeg", "*.png", "*.tif",
                        "*.tiff", "*.pdf", "*.JPG", "*.JPEG", "*.PNG", "*.TIF", "*.TIFF", "*.PDF"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            viewModel.attach(chosen.stream().map(File::toPath).toList());
        }
    }

    private void acceptDroppedFiles() {
        receiptsRoot.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && viewModel.clientProperty().get() != null) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        receiptsRoot.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                List<Path> paths = event.getDragboard().getFiles().stream().map(File::toPath).toList();
                viewModel.attach(paths);
            }
            event.setDropCompleted(files);
            event.consume();
        });
    }

    private void bindPreview() {
        zoomLabel.textProperty().bind(Bindings.createStringBinding(() -> fitToggle.isSelected() ? "fit"
                : Math.round(zoomSlider.getValue() * 100) + " %", fitToggle.selectedProperty(), zoomSlider.valueProperty()));
        zoomSlider.disableProperty().bind(fitToggle.selectedProperty());
        ChangeListener<Object> relayout = (observable, old, now) -> layoutPreview();
        fitToggle.selectedProperty().addListener(relayout);
        zoomSlider.valueProperty().addListener(relayout);
        previewPane.viewportBoundsProperty().addListener(relayout);
        viewModel.previewProperty().addListener((observable, old, picture) -> {
            previewImage.setRotate(0);
            previewImage.setImage(picture == null ? null : picture.image().map(this::image).orElse(null));
            previewProblem.setText(picture == null ? (viewModel.selectedProperty().get() == null
                    ? "Select a receipt to see it here." : "Opening…") : picture.problem());
            previewProblem.setVisible(!previewProblem.getText().isEmpty());
            layoutPreview();
        });
        previewProblem.setText("Select a receipt to see it here.");
        rotateButton.disableProperty().bind(previewImage.imageProperty().isNull());
    }

    private void layoutPreview() {
        Image image = previewImage.getImage();
        if (image == null) {
            return;
        }
        if (fitToggle.isSelected()) {
            // A pixel short of the viewport, so that fitting never brings up the scroll bars.
            double width = Math.max(50, previewPane.getViewportBounds().getWidth() - 2);
            double height = Math.max(50, previewPane.getViewportBounds().getHeight() - 2);
            boolean sideways = Math.round(previewImage.getRotate()) % 180 != 0;
            previewImage.setFitWidth(sideways ? height : width);
            previewImage.setFitHeight(sideways ? width : height);
        } else {
            previewImage.setFitWidth(image.getWidth() * zoomSlider.getValue());
            previewImage.setFitHeight(image.getHeight() * zoomSlider.getValue());
        }
    }

    /** Turns the shown picture a quarter to the right (a receipt photographed sideways); the file is not changed. */
    @FXML
    private void rotatePreview() {
        previewImage.setRotate((previewImage.getRotate() + 90) % 360);
        layoutPreview();
    }

    private Image image(BufferedImage picture) {
        return images.computeIfAbsent(picture, p -> SwingFXUtils.toFXImage(p, null));
    }

    /** Thumbnail, name, status and details; asks for the thumbnail when first shown; drags as a receipt id. */
    private final class ReceiptCell extends ListCell<ReceiptRow> {
        private final ImageView thumbnail = new ImageView();
        private final Label placeholder = new Label();
        private final StackPane picture = new StackPane(thumbnail, placeholder);
        private final Label name = new Label();
        private final Label status = new Label();
        private final Label details = new Label();
        private final HBox box = new HBox(8, picture, new VBox(2, name, status, details));
        private final ChangeListener<ReceiptPicture> shown = (observable, old, now) -> showThumbnail(now);
        private ReceiptRow watched;

        ReceiptCell() {
            picture.setMinSize(ReceiptsViewModel.THUMBNAIL_SIDE, ReceiptsViewModel.THUMBNAIL_SIDE);
            picture.setPrefSize(ReceiptsViewModel.THUMBNAIL_SIDE, ReceiptsViewModel.THUMBNAIL_SIDE);
            picture.getStyleClass().add("receipt-thumbnail");
            placeholder.setWrapText(true);
            placeholder.setMaxWidth(ReceiptsViewModel.THUMBNAIL_SIDE);
            placeholder.getStyleClass().add("field-note");
            thumbnail.setPreserveRatio(true);
            thumbnail.setFitWidth(ReceiptsViewModel.THUMBNAIL_SIDE);
            thumbnail.setFitHeight(ReceiptsViewModel.THUMBNAIL_SIDE);
            status.getStyleClass().add("field-note");
            details.getStyleClass().add("field-note");
            setOnDragDetected(event -> {
                if (getItem() == null) {
                    return;
                }
                var dragboard = startDragAndDrop(TransferMode.LINK);
                ClipboardContent content = new ClipboardContent();
                content.put(RECEIPT, getItem().receipt().id().value().toString());
                content.putString(getItem().name());
                dragboard.setContent(content);
                event.consume();
            });
        }

        @Override
        protected void updateItem(ReceiptRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.thumbnailProperty().removeListener(shown);
            }
            watched = empty ? null : row;
            if (watched == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.name());
            status.setText(row.status());
            details.setText(row.details());
            row.thumbnailProperty().addListener(shown);
            showThumbnail(row.thumbnailProperty().get());
            viewModel.requestThumbnail(row);
            setGraphic(box);
        }

        private void showThumbnail(ReceiptPicture now) {
            thumbnail.setImage(now == null ? null : now.image().map(ReceiptsView.this::image).orElse(null));
            placeholder.setText(now == null ? "…" : now.problem().isEmpty() || now.isNote() ? now.problem()
                    : "⚠ " + now.problem());
        }
    }

    /** A transaction a receipt can be dropped onto. */
    private final class TransactionCell extends ListCell<TransactionRow> {

        TransactionCell() {
            setOnDragOver(event -> {
                if (getItem() != null && event.getDragboard().hasContent(RECEIPT)) {
                    event.acceptTransferModes(TransferMode.LINK);
                    event.consume();
                }
            });
            setOnDragEntered(event -> {
                if (getItem() != null && event.getDragboard().hasContent(RECEIPT)) {
                    getStyleClass().add("drop-target");
                }
            });
            setOnDragExited(event -> getStyleClass().remove("drop-target"));
            setOnDragDropped(event -> {
                Object id = event.getDragboard().getContent(RECEIPT);
                boolean linked = false;
                if (getItem() != null && id != null) {
                    ReceiptRow dragged = viewModel.receipts().stream()
                            .filter(row -> row.receipt().id().value().toString().equals(id)).findFirst().orElse(null);
                    if (dragged != null) {
                        viewModel.link(dragged, getItem());
                        linked = true;
                    }
                }
                event.setDropCompleted(linked);
                event.consume();
            });
        }

        @Override
        protected void updateItem(TransactionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.date() + "   " + row.payee() + "   " + row.amount());
        }
    }
}
