package app.booksflow.desktop.gui.practice;

import app.booksflow.desktop.gui.ViewLoader;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.util.StringConverter;

/**
 * Binds Practice.fxml to the {@link PracticeViewModel}: typing filters, the arrow keys move through the
 * clients (also from the search field), Enter or one click opens the client. Ctrl+Shift+N opens the
 * form for a new client; the bar below the list closes the selected client's books up to a date.
 */
public final class PracticeView {

    static final KeyCombination NEW_CLIENT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination CLOSE_PERIOD = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

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
    @FXML private TableColumn<ClientRow, String> closedColumn;
    @FXML private Button newClientButton;
    @FXML private VBox newClientPane;
    @FXML private TextField newClientName;
    @FXML private Label newClientNameError;
    @FXML private ComboBox<String> newClientCurrency;
    @FXML private Label newClientCurrencyError;
    @FXML private ComboBox<Month> newClientYearStart;
    @FXML private TextField newClientCountry;
    @FXML private Label newClientCountryError;
    @FXML private Button createClientButton;
    @FXML private Label closingLabel;
    @FXML private DatePicker closingDatePicker;
    @FXML private Button closePeriodButton;
    @FXML private Button reopenButton;
    @FXML private Label closingError;
    @FXML private Label statusLabel;

    public PracticeView(PracticeViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (NEW_CLIENT.match(event)) {
                startNewClient();
                event.consume();
            } else if (CLOSE_PERIOD.match(event)) {
                closingDatePicker.requestFocus();
                event.consume();
            }
        });
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
        closedColumn.setCellValueFactory(column(ClientRow::closedUpTo));
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
        bindNewClientForm();
        bindClosing();
        statusLabel.textProperty().bind(viewModel.statusProperty());
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

    private void bindNewClientForm() {
        newClientPane.visibleProperty().bind(viewModel.addingClientProperty());
        newClientPane.managedProperty().bind(newClientPane.visibleProperty());
        newClientCurrency.getItems().setAll(NewClientForm.COMMON_CURRENCIES);
        newClientYearStart.getItems().setAll(Month.values());
        newClientYearStart.setConverter(new StringConverter<>() {
            @Override
            public String toString(Month month) {
                return month == null ? "" : "1 " + month.getDisplayName(TextStyle.FULL, Locale.getDefault());
            }

            @Override
            public Month fromString(String text) {
                return null;
            }
        });
        createClientButton.disableProperty().bind(viewModel.savingProperty());
        newClientPane.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                createClient();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                cancelNewClient();
                event.consume();
            }
        });
    }

    private void bindClosing() {
        closingDatePicker.valueProperty().bindBidirectional(viewModel.closingDateProperty());
        closingError.textProperty().bind(viewModel.closingErrorProperty());
        BooleanBinding noClient = viewModel.selectedProperty().isNull();
        closingLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "Select a client to close its books"
                : "Close the books of " + viewModel.selectedProperty().get().name() + " up to",
                viewModel.selectedProperty()));
        closingDatePicker.disableProperty().bind(noClient);
        closePeriodButton.disableProperty().bind(noClient.or(viewModel.savingProperty()));
        reopenButton.disableProperty().bind(noClient.or(viewModel.savingProperty())
                .or(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                        || viewModel.selectedProperty().get().closingDate().isEmpty(), viewModel.selectedProperty())));
        closingDatePicker.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                // The picker itself takes typed text only when Enter is released: closing must not wait
                // for that (nor race it), so the typed date is taken here.
                commitTypedClosingDate();
                viewModel.closePeriod();
            }
        });
    }

    @FXML
    private void startNewClient() {
        NewClientForm form = viewModel.startNewClient();
        if (newClientName.textProperty().isBound()) {
            newClientName.requestFocus();
            return;
        }
        newClientName.textProperty().bindBidirectional(form.nameProperty());
        newClientCurrency.valueProperty().bindBidirectional(form.currencyProperty());
        newClientYearStart.valueProperty().bindBidirectional(form.fiscalYearStartProperty());
        newClientCountry.textProperty().bindBidirectional(form.countryProperty());
        newClientNameError.textProperty().bind(form.nameErrorProperty());
        newClientCurrencyError.textProperty().bind(form.currencyErrorProperty());
        newClientCountryError.textProperty().bind(form.countryErrorProperty());
        newClientName.requestFocus();
    }

    @FXML
    private void createClient() {
        // An editable combo box holds typed text in its editor until it loses focus.
        newClientCurrency.setValue(newClientCurrency.getEditor().getText());
        viewModel.createClient();
    }

    @FXML
    private void cancelNewClient() {
        viewModel.cancelNewClient();
        clientTable.requestFocus();
    }

    private void commitTypedClosingDate() {
        try {
            closingDatePicker.commitValue();
        } catch (RuntimeException notADate) {
            // The view model then asks for a date, next to the picker.
            closingDatePicker.setValue(null);
        }
    }

    @FXML
    private void closePeriod() {
        commitTypedClosingDate();
        viewModel.closePeriod();
    }

    @FXML
    private void reopenAll() {
        viewModel.reopenAll();
    }

    private static Callback<TableColumn.CellDataFeatures<ClientRow, String>, ObservableValue<String>> column(
            Function<ClientRow, String> text) {
        return cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue()));
    }
}
