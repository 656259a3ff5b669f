package app.booksflow.desktop.gui.practice;

import app.booksflow.desktop.gui.ViewLoader;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.Callback;

/**
 * Binds Practice.fxml to the {@link PracticeViewModel}: typing filters, the arrow keys move through the
 * clients (also from the search field), Enter or one click opens the client.
 */
public final class PracticeView {

    private final PracticeViewModel viewModel;
    private final Parent root;

    @FXML private TextField searchField;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<ClientRow> clientTable;
    @FXML private TableColumn<ClientRow, String> nameColumn;
    @FXML private TableColumn<ClientRow, String> incomeColumn;
    @FXML private TableColumn<ClientRow, String> expensesColumn;
    @FXML private TableColumn<ClientRow, String> profitColumn;

    public PracticeView(PracticeViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        nameColumn.setCellValueFactory(column(ClientRow::name));
        incomeColumn.setCellValueFactory(column(ClientRow::income));
        expensesColumn.setCellValueFactory(column(ClientRow::expenses));
        profitColumn.setCellValueFactory(column(ClientRow::profit));
        clientTable.setItems(viewModel.clients());
        clientTable.setPlaceholder(new Label("No client matches the search."));

        viewModel.selectedProperty().addListener((observable, old, row) -> {
            if (row != null && clientTable.getSelectionModel().getSelectedItem() != row) {
                clientTable.getSelectionModel().select(row);
            }
        });
        clientTable.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
        clientTable.setRowFactory(table -> {
            TableRow<ClientRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        clientTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
                event.consume();
            }
        });
        searchField.setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case ENTER -> viewModel.openSelected();
                case DOWN -> {
                    clientTable.requestFocus();
                    if (clientTable.getSelectionModel().isEmpty() && !clientTable.getItems().isEmpty()) {
                        clientTable.getSelectionModel().selectFirst();
                    }
                }
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private static Callback<TableColumn.CellDataFeatures<ClientRow, String>, ObservableValue<String>> column(
            Function<ClientRow, String> text) {
        return cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue()));
    }
}
