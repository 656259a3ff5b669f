package app.booksflow.desktop.gui.transactions;

import app.booksflow.desktop.gui.ViewLoader;
import app.booksflow.desktop.ledger.LedgerRow;
import app.booksflow.desktop.ledger.LedgerSort;
import app.booksflow.model.ledger.Account;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Binds Transactions.fxml to the {@link TransactionsViewModel}. Keyboard first: Ctrl+N new, Ctrl+S save,
 * Ctrl+Shift+S splits, Ctrl+Z undo (outside a text field being edited), Escape cancels, Delete deletes
 * after confirmation; Enter moves to the next field and saves from the amount (an edited row then
 * opens the next row); Enter or a double click on a row opens it.
 * Clicking a column header sorts in the database, never in memory.
 */
public final class TransactionsView {

    static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SPLITS = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
    private static final Duration TYPING_PAUSE = Duration.millis(250);

    private final TransactionsViewModel viewModel;
    private final Parent root;

    @FXML private VBox screen;
    @FXML private Button newTransaction;
    @FXML private Button undoButton;
    @FXML private Button deleteButton;
    @FXML private DatePicker filterFrom;
    @FXML private DatePicker filterTo;
    @FXML private ComboBox<Account> filterAccount;
    @FXML private TextField filterMin;
    @FXML private TextField filterMax;
    @FXML private TextField filterText;
    @FXML private Button clearFilters;
    @FXML private Label dateRangeError;
    @FXML private Label minAmountError;
    @FXML private Label maxAmountError;
    @FXML private VBox editor;
    @FXML private Label editorTitle;
    @FXML private DatePicker editDate;
    @FXML private TextField editPayee;
    @FXML private TextField editMemo;
    @FXML private ComboBox<Account> editBankAccount;
    @FXML private ComboBox<Account> editAccount;
    @FXML private Label splitSummary;
    @FXML private TextField editAmount;
    @FXML private Label dateError;
    @FXML private Label payeeError;
    @FXML private Label bankAccountError;
    @FXML private Label accountError;
    @FXML private Label amountError;
    @FXML private Button saveTransaction;
    @FXML private Button splitsButton;
    @FXML private Button cancelEdit;
    @FXML private Label editorError;
    @FXML private TableView<LedgerRow> ledgerTable;
    @FXML private TableColumn<LedgerRow, String> dateColumn;
    @FXML private TableColumn<LedgerRow, String> payeeColumn;
    @FXML private TableColumn<LedgerRow, String> memoColumn;
    @FXML private TableColumn<LedgerRow, String> accountColumn;
    @FXML private TableColumn<LedgerRow, String> amountColumn;
    @FXML private TableColumn<LedgerRow, String> stateColumn;
    @FXML private Label countLabel;
    @FXML private Label messageLabel;

    public TransactionsView(TransactionsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindEditor();
        screen.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        countLabel.textProperty().bind(viewModel.countTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        tip(newTransaction, "New transaction", NEW);
        tip(undoButton, "Undo the last change", UNDO);
        tip(deleteButton, "Delete the selected transaction (asks first)", DELETE);
        tip(saveTransaction, "Save", SAVE);
        tip(splitsButton, "Split over several accounts", SPLITS);
        tip(cancelEdit, "Cancel the edit", CANCEL);
        filterText.setTooltip(new Tooltip("Shows the transactions whose payee or memo has words starting with each word"
                + " typed (\"caf bl\" finds \"Café Blanc\"); text with punctuation must also appear as typed"
                + " (\"ltd.\" finds \"Acme Ltd.\", not \"Altd.\")"));
        clearFilters.setTooltip(new Tooltip("Show the whole ledger"));
    }

    private static void tip(Control control, String text, KeyCombination keys) {
        control.setTooltip(new Tooltip(text + " (" + keys.getDisplayText() + ")"));
    }

    private void bindFilters() {
        filterFrom.valueProperty().bindBidirectional(viewModel.fromDateProperty());
        filterTo.valueProperty().bindBidirectional(viewModel.toDateProperty());
        filterAccount.setItems(viewModel.accounts());
        filterAccount.valueProperty().bindBidirectional(viewModel.filterAccountProperty());
        filterAccount.setConverter(accountNames("Any account"));
        debounce(filterText, viewModel.filterTextProperty());
        debounce(filterMin, viewModel.minAmountProperty());
        debounce(filterMax, viewModel.maxAmountProperty());
        showError(dateRangeError, viewModel.dateRangeErrorProperty());
        showError(minAmountError, viewModel.minAmountErrorProperty());
        showError(maxAmountError, viewModel.maxAmountErrorProperty());
    }

    /** Typing sets the view model's text once the user pauses; a change made by the view model shows in the field. */
    private static void debounce(TextField field, StringProperty target) {
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(event -> target.set(field.getText()));
        field.textProperty().addListener((observable, old, text) -> {
            if (!text.equals(target.get())) {
                pause.playFromStart();
            }
        });
        field.setOnAction(event -> {
            pause.stop();
            target.set(field.getText());
        });
        target.addListener((observable, old, value) -> {
            if (!field.getText().equals(value)) {
                pause.stop();
                field.setText(value);
            }
        });
    }

    private static void showError(Label label, ObservableValue<String> error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static StringConverter<Account> accountNames(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(Account account) {
                return account == null ? none : account.code() + " " + account.name();
            }

            @Override
            public Account fromString(String text) {
                return null;
            }
        };
    }

    private void bindTable() {
        ledgerTable.setItems(viewModel.rows());
        ledgerTable.setPlaceholder(new Label("No transaction matches. Press "
                + NEW.getDisplayText() + " to enter one."));
        ledgerTable.setFixedCellSize(26);
        dateColumn.setCellValueFactory(column(row -> row.date().toString()));
        payeeColumn.setCellValueFactory(column(LedgerRow::payee));
        memoColumn.setCellValueFactory(column(LedgerRow::memo));
        accountColumn.setCellValueFactory(column(row -> row.splitCount() > 1
                ? row.mainAccount() + " + " + (row.splitCount() - 1) + " more" : row.mainAccount()));
        amountColumn.setCellValueFactory(column(row -> viewModel.formatAmount(row.total())));
        stateColumn.setCellValueFactory(column(row -> (row.posted() ? "Posted" : "Draft")
                + (row.receiptLinked() ? " · receipt" : "") + (row.closed() ? " · closed" : "")));
        dateColumn.setUserData(LedgerSort.DATE);
        payeeColumn.setUserData(LedgerSort.PAYEE);
        accountColumn.setUserData(LedgerSort.ACCOUNT);
        amountColumn.setUserData(LedgerSort.AMOUNT);
        dateColumn.setSortType(TableColumn.SortType.DESCENDING);
        ledgerTable.getSortOrder().setAll(List.of(dateColumn));
        // The list is sorted by the query; the table only tells the view model which order was asked for.
        ledgerTable.setSortPolicy(table -> {
            if (!table.getSortOrder().isEmpty()) {
                TableColumn<LedgerRow, ?> first = table.getSortOrder().get(0);
                if (first.getUserData() instanceof LedgerSort sort) {
                    boolean descending = first.getSortType() == TableColumn.SortType.DESCENDING;
                    if (sort != viewModel.sortProperty().get() || descending != viewModel.descendingProperty().get()) {
                        viewModel.sortBy(sort, descending);
                    }
                }
            }
            return true;
        });

        ledgerTable.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            if (row != null) {
                viewModel.selectedRowProperty().set(row);
            }
        });
        viewModel.focusIndexProperty().addListener((observable, old, index) -> {
            int at = index.intValue();
            if (at >= 0 && at < ledgerTable.getItems().size()) {
                ledgerTable.getSelectionModel().clearAndSelect(at);
                ledgerTable.scrollTo(Math.max(0, at - 3));
            }
        });
        ledgerTable.setRowFactory(table -> {
            javafx.scene.control.TableRow<LedgerRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && row.getItem() != null) {
                    openRow(row.getItem());
                }
            });
            return row;
        });
        ledgerTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openRow(ledgerTable.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        ledgerTable.setContextMenu(contextMenu());
    }

    private ContextMenu contextMenu() {
        MenuItem create = item("New transaction", NEW, this::newTransaction);
        MenuItem open = item("Edit", new KeyCodeCombination(KeyCode.ENTER),
                () -> openRow(ledgerTable.getSelectionModel().getSelectedItem()));
        MenuItem splits = item("Splits…", SPLITS, this::openSplits);
        MenuItem save = item("Save", SAVE, this::save);
        MenuItem cancel = item("Cancel the edit", CANCEL, this::cancelEdit);
        MenuItem remove = item("Delete…", DELETE, this::delete);
        MenuItem undo = item("Undo the last change", UNDO, this::undo);
        ContextMenu menu = new ContextMenu(create, open, splits, save, cancel, remove, new SeparatorMenuItem(), undo);
        menu.setId("ledgerMenu");
        return menu;
    }

    /** The shortcut is shown beside the item; the key itself is handled by {@link #shortcut}, only while this screen is shown. */
    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text + "\t" + keys.getDisplayText());
        item.setOnAction(event -> action.run());
        return item;
    }

    private void shortcut(KeyEvent event) {
        if (NEW.match(event)) {
            newTransaction();
        } else if (SPLITS.match(event)) {
            openSplits();
        } else if (SAVE.match(event)) {
            save();
        } else if (UNDO.match(event) && !(viewModel.editingProperty().get() && event.getTarget() instanceof TextField)) {
            undo();
        } else if (CANCEL.match(event) && viewModel.editingProperty().get()) {
            cancelEdit();
        } else if (DELETE.match(event) && event.getTarget() == ledgerTable) {
            delete();
        } else {
            return;
        }
        event.consume();
    }

    private void bindEditor() {
        editor.visibleProperty().bind(viewModel.editingProperty());
        // Saves and opens finish in the background: the focus follows the editor opening and closing.
        viewModel.editingProperty().addListener((observable, was, open) -> {
            if (open) {
                editPayee.requestFocus();
            } else if (screen.getScene() != null) {
                ledgerTable.requestFocus();
            }
        });
        editor.managedProperty().bind(editor.visibleProperty());
        editorTitle.textProperty().bind(viewModel.editorTitleProperty());
        editDate.valueProperty().bindBidirectional(viewModel.dateProperty());
        editPayee.textProperty().bindBidirectional(viewModel.payeeProperty());
        editMemo.textProperty().bindBidirectional(viewModel.memoProperty());
        editBankAccount.setItems(viewModel.bankAccounts());
        editBankAccount.valueProperty().bindBidirectional(viewModel.bankAccountProperty());
        editBankAccount.setConverter(accountNames(""));
        editAccount.setItems(viewModel.accounts());
        editAccount.valueProperty().bindBidirectional(viewModel.accountProperty());
        editAccount.setConverter(accountNames(""));
        editAccount.visibleProperty().bind(viewModel.splitModeProperty().not());
        editAccount.managedProperty().bind(editAccount.visibleProperty());
        splitSummary.visibleProperty().bind(viewModel.splitModeProperty());
        splitSummary.managedProperty().bind(splitSummary.visibleProperty());
        splitSummary.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.splits()).asString("%d lines (Splits…)"));
        editAmount.textProperty().bindBidirectional(viewModel.amountProperty());
        showError(dateError, viewModel.dateErrorProperty());
        showError(payeeError, viewModel.payeeErrorProperty());
        showError(bankAccountError, viewModel.bankAccountErrorProperty());
        showError(accountError, viewModel.accountErrorProperty());
        showError(amountError, viewModel.amountErrorProperty());
        showError(editorError, viewModel.editorErrorProperty());
        saveTransaction.disableProperty().bind(viewModel.savingProperty());

        // Enter moves through the fields like Tab; Enter in the amount saves.
        List<Node> order = List.of(editDate, editPayee, editMemo, editBankAccount, editAccount, editAmount);
        for (int i = 0; i < order.size() - 1; i++) {
            Node next = order.get(i + 1);
            Node field = order.get(i);
            field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                boolean choosing = field instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing();
                if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !choosing) {
                    commitDate();
                    (next.isVisible() ? next : editAmount).requestFocus();
                    event.consume();
                }
            });
        }
        editAmount.setOnAction(event -> {
            commitDate();
            viewModel.saveAndEditNext();
        });
    }

    /** The date picker keeps typed text until it is committed; a save must see it. */
    private void commitDate() {
        String typed = editDate.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            editDate.setValue(null);
            return;
        }
        try {
            LocalDate parsed = editDate.getConverter().fromString(typed.strip());
            editDate.setValue(parsed);
        } catch (DateTimeParseException e) {
            viewModel.rejectDate(typed.strip(), editDate.getConverter().toString(LocalDate.now()));
        }
    }

    private void openRow(LedgerRow row) {
        if (row != null) {
            viewModel.edit(row);
            editPayee.requestFocus();
        }
    }

    @FXML
    private void newTransaction() {
        viewModel.newTransaction();
        editPayee.requestFocus();
    }

    @FXML
    private void save() {
        commitDate();
        viewModel.save();
    }

    @FXML
    private void cancelEdit() {
        viewModel.cancelEdit();
        ledgerTable.requestFocus();
    }

    @FXML
    private void openSplits() {
        if (!viewModel.editingProperty().get()) {
            return;
        }
        viewModel.openSplits();
        new SplitsDialog(viewModel, screen.getScene() == null ? null : screen.getScene().getWindow()).showAndWait();
    }

    @FXML
    private void delete() {
        LedgerRow row = viewModel.selectedRowProperty().get();
        if (row == null && !viewModel.editingProperty().get()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete this transaction? You can undo it with " + UNDO.getDisplayText() + ".", ButtonType.OK,
                ButtonType.CANCEL);
        confirm.getDialogPane().setId("deleteConfirmation");
        if (screen.getScene() != null) {
            confirm.initOwner(screen.getScene().getWindow());
        }
        confirm.setHeaderText(row == null ? "Delete the transaction" : "Delete " + row.payee() + " of " + row.date());
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            viewModel.delete();
        }
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    private static Callback<TableColumn.CellDataFeatures<LedgerRow, String>, ObservableValue<String>> column(
            Function<LedgerRow, String> text) {
        return cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : text.apply(cell.getValue()));
    }
}
