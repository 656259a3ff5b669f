package app.booksflow.desktop.gui.inbox;

import app.booksflow.desktop.gui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Binds Inbox.fxml to the {@link InboxViewModel}: the list of open items, and for the selected one a
 * grid of its fields, "this device" beside "the server", where each differing field is a pair of radio
 * buttons choosing the side a merge takes it from.
 */
public final class InboxView {

    private final InboxViewModel viewModel;
    private final Parent root;

    @FXML private ListView<InboxRow> inboxList;
    @FXML private Label itemTitle;
    @FXML private Label reasonLabel;
    @FXML private GridPane fieldGrid;
    @FXML private Button keepMineButton;
    @FXML private Button keepTheirsButton;
    @FXML private Button mergeButton;
    @FXML private Button dismissButton;
    @FXML private Label inboxError;
    @FXML private Label inboxMessage;

    public InboxView(InboxViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        Label empty = new Label("Nothing waits for you. Changes the server refuses and changes made on two devices "
                + "at once appear here.");
        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder-intro");
        inboxList.setPlaceholder(empty);
        inboxList.setItems(viewModel.items());
        inboxList.setCellFactory(list -> new ItemCell());
        inboxList.getSelectionModel().selectedItemProperty().addListener((property, before, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((property, before, now) -> {
            if (now != null && inboxList.getSelectionModel().getSelectedItem() != now) {
                inboxList.getSelectionModel().select(now);
            }
        });

        itemTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null ? ""
                : viewModel.selectedProperty().get().kind() + ": " + viewModel.selectedProperty().get().entity(),
                viewModel.selectedProperty()));
        reasonLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "" : viewModel.selectedProperty().get().reason(), viewModel.selectedProperty()));
        viewModel.fields().addListener((ListChangeListener<FieldRow>) change -> showFields());
        showFields();

        keepMineButton.disableProperty().bind(Bindings.not(viewModel.canKeepMineProperty()));
        keepTheirsButton.disableProperty().bind(Bindings.not(viewModel.canKeepTheirsProperty()));
        mergeButton.disableProperty().bind(Bindings.not(viewModel.canMergeProperty()));
        dismissButton.disableProperty().bind(Bindings.not(viewModel.canDismissProperty()));
        for (Button button : new Button[] {keepMineButton, keepTheirsButton, mergeButton, dismissButton}) {
            button.managedProperty().bind(button.visibleProperty());
        }
        BooleanBinding refused = Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() != null
                && !viewModel.selectedProperty().get().isConflict(), viewModel.selectedProperty());
        mergeButton.visibleProperty().bind(Bindings.not(refused));
        keepTheirsButton.visibleProperty().bind(Bindings.not(refused));
        dismissButton.visibleProperty().bind(refused);
        inboxError.textProperty().bind(viewModel.errorProperty());
        inboxMessage.textProperty().bind(viewModel.messageProperty());
    }

    private void showFields() {
        fieldGrid.getChildren().clear();
        if (viewModel.fields().isEmpty()) {
            return;
        }
        fieldGrid.addRow(0, heading("Field"), heading("This device"), heading("The server"));
        int row = 1;
        for (FieldRow field : viewModel.fields()) {
            Label name = new Label(field.label());
            if (field.differs()) {
                ToggleGroup side = new ToggleGroup();
                RadioButton mine = choice(field.mine(), "mine-" + field.name(), side);
                RadioButton theirs = choice(field.theirs(), "theirs-" + field.name(), side);
                side.selectToggle(viewModel.choices().get(field.name()) == InboxViewModel.Side.MINE ? mine : theirs);
                side.selectedToggleProperty().addListener((property, before, now) -> {
                    if (now != null) {
                        viewModel.choose(field.name(), now == mine ? InboxViewModel.Side.MINE : InboxViewModel.Side.THEIRS);
                    }
                });
                name.getStyleClass().add("field-differs");
                fieldGrid.addRow(row++, name, mine, theirs);
            } else {
                fieldGrid.addRow(row++, name, value(field.mine()), value(field.theirs()));
            }
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("figure-title");
        return label;
    }

    private static RadioButton choice(String text, String id, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("field-differs");
        return button;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("field-note");
        return label;
    }

    @FXML
    private void keepMine() {
        viewModel.keepMine();
    }

    @FXML
    private void keepTheirs() {
        viewModel.keepTheirs();
    }

    @FXML
    private void merge() {
        viewModel.merge();
    }

    @FXML
    private void dismiss() {
        viewModel.dismiss();
    }

    private static final class ItemCell extends ListCell<InboxRow> {
        @Override
        protected void updateItem(InboxRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(row.kind() + (row.client().isEmpty() ? "" : " · " + row.client()));
            kind.getStyleClass().add("figure-title");
            Label entity = new Label(row.entity());
            Label reason = new Label(row.reason());
            reason.getStyleClass().add("field-note");
            reason.setWrapText(true);
            VBox box = new VBox(2, kind, entity, reason);
            // As wide as the list, so long reasons wrap instead of scrolling sideways.
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(28));
            setPrefWidth(0);
            setText(null);
            setGraphic(box);
        }
    }
}
