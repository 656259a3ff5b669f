package app.booksflow.desktop.gui.transactions;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The lines of one transaction: account, tax code, amount and memo each, with what is left to allocate.
 * OK takes the lines into the editor only when they add up to the total; otherwise the dialog stays
 * open and says by how much they differ. Ctrl+Enter adds a line.
 */
final class SplitsDialog extends Dialog<ButtonType> {

    private static final KeyCombination ADD_LINE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final TransactionsViewModel viewModel;
    private final GridPane lines = new GridPane();

    SplitsDialog(TransactionsViewModel viewModel, Window owner) {
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Splits");
        setHeaderText("Split " + (viewModel.amountProperty().get() == null || viewModel.amountProperty().get().isBlank()
                ? "the transaction" : viewModel.amountProperty().get()) + " over several accounts");
        getDialogPane().setId("splitsDialog");
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        lines.setHgap(8);
        lines.setVgap(4);
        lines.setId("splitLines");
        Button add = new Button("Add line");
        add.setId("addSplitLine");
        add.setTooltip(new Tooltip("Add a line for what is left (" + ADD_LINE.getDisplayText() + ")"));
        add.setOnAction(event -> addLine());
        Label remaining = new Label();
        remaining.setId("splitsRemaining");
        remaining.textProperty().bind(viewModel.remainingProperty());
        Label error = new Label();
        error.setId("splitsError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.splitsErrorProperty());
        VBox content = new VBox(8, lines, add, remaining, error);
        content.setPadding(new Insets(8));
        content.setPrefWidth(760);
        getDialogPane().setContent(content);

        // Lines added or removed rebuild the grid; a typed amount (an update) must not, or the field loses focus.
        viewModel.splits().addListener((ListChangeListener<SplitDraft>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= !change.wasUpdated();
            }
            if (structural) {
                rebuild();
            }
        });
        rebuild();
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (ADD_LINE.match(event)) {
                addLine();
                event.consume();
            }
        });
        // OK with unbalanced lines is refused and the dialog stays open with the reason.
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            if (!viewModel.applySplits()) {
                event.consume();
            }
        });
    }

    private void addLine() {
        viewModel.addSplitLine();
        lines.getChildren().stream().filter(node -> node instanceof ComboBox<?> && GridPane.getRowIndex(node) != null
                && GridPane.getRowIndex(node) == viewModel.splits().size() && GridPane.getColumnIndex(node) == 0)
                .findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    private void rebuild() {
        lines.getChildren().clear();
        lines.addRow(0, new Label("Account"), new Label("Tax code"), new Label("Amount"), new Label("Memo"));
        int row = 1;
        for (SplitDraft line : viewModel.splits()) {
            ComboBox<Account> account = new ComboBox<>(viewModel.accounts());
            account.setId("splitAccount" + row);
            account.valueProperty().bindBidirectional(line.accountProperty());
            account.setConverter(names(a -> a.code() + " " + a.name()));
            account.setPrefWidth(220);
            ComboBox<TaxCode> tax = new ComboBox<>();
            tax.getItems().add(null);
            tax.getItems().addAll(viewModel.taxCodes());
            tax.setId("splitTax" + row);
            tax.valueProperty().bindBidirectional(line.taxCodeProperty());
            tax.setConverter(names(TaxCode::code));
            TextField amount = new TextField();
            amount.setId("splitAmount" + row);
            amount.getStyleClass().add("amount");
            amount.textProperty().bindBidirectional(line.amountProperty());
            amount.setPrefWidth(110);
            TextField memo = new TextField();
            memo.setId("splitMemo" + row);
            memo.textProperty().bindBidirectional(line.memoProperty());
            Button remove = new Button("Remove");
            remove.setId("removeSplit" + row);
            remove.setOnAction(event -> viewModel.removeSplitLine(line));
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(line.errorProperty());
            lines.addRow(row, account, tax, amount, memo, remove, error);
            row++;
        }
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "(none)" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
