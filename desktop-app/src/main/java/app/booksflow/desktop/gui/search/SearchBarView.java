package app.booksflow.desktop.gui.search;

import app.booksflow.desktop.gui.ViewLoader;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * The search field of the main window's top bar and its list of results in a popup below it. The
 * field keeps the keyboard: Up and Down move through the results, Enter opens one, Escape closes the
 * list. Searching starts after a short pause in the typing, so each keystroke does not query the books.
 */
public final class SearchBarView {

    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final Duration PAUSE = Duration.millis(180);

    private final SearchViewModel viewModel;
    private final Parent root;
    private final Popup popup = new Popup();
    private final PauseTransition pause = new PauseTransition(PAUSE);

    @FXML private TextField globalSearchField;
    @FXML private ListView<SearchResult> searchResults;

    public SearchBarView(SearchViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        globalSearchField.setPromptText("Search all clients (" + SHORTCUT.getDisplayText() + ")");
        globalSearchField.setTooltip(new Tooltip("Find transactions of every client by payee, memo or amount, and"
                + " receipts by any word printed on them (" + SHORTCUT.getDisplayText()
                + "). Up and Down choose, Enter opens, Escape closes."));
        globalSearchField.textProperty().bindBidirectional(viewModel.queryProperty());
        globalSearchField.disableProperty().bind(viewModel.availableProperty().not());

        pause.setOnFinished(event -> viewModel.search());
        globalSearchField.textProperty().addListener((observable, old, text) -> {
            if (text == null || text.isBlank()) {
                pause.stop();
                viewModel.search();
            } else {
                pause.playFromStart();
            }
        });
        globalSearchField.setOnKeyPressed(event -> {
            switch (event.getCode()) {
                case DOWN -> viewModel.moveSelection(1);
                case UP -> viewModel.moveSelection(-1);
                case ENTER -> {
                    if (viewModel.showingProperty().get()) {
                        viewModel.openSelected();
                    } else {
                        pause.stop();
                        viewModel.search();
                    }
                }
                case ESCAPE -> {
                    pause.stop();
                    viewModel.close();
                }
                default -> {
                    return;
                }
            }
            event.consume();
        });
        globalSearchField.focusedProperty().addListener((observable, old, focused) -> {
            if (!focused && !searchResults.isFocused()) {
                viewModel.close();
            }
        });

        searchResults.setItems(viewModel.results());
        searchResults.setFocusTraversable(false);
        searchResults.setCellFactory(list -> new ResultCell());
        Label empty = new Label();
        empty.textProperty().bind(viewModel.messageProperty());
        empty.setWrapText(true);
        searchResults.setPlaceholder(empty);
        // New results replace the list's items, which clears its selection even when the index stays 0.
        viewModel.selectedIndexProperty().addListener((observable, old, index) -> showSelection());
        viewModel.results().addListener((ListChangeListener<SearchResult>) change -> showSelection());
        popup.getContent().add(searchResults);
        popup.setAutoHide(true);
        popup.setOnAutoHide(event -> viewModel.close());
        viewModel.showingProperty().addListener((observable, old, showing) -> {
            if (showing) {
                showPopup();
            } else {
                popup.hide();
            }
        });

        // Any node of the view will do: root is only set once loading (and this method) has finished.
        globalSearchField.sceneProperty().addListener((observable, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(SHORTCUT);
            }
            if (scene != null) {
                scene.getAccelerators().put(SHORTCUT, () -> {
                    globalSearchField.requestFocus();
                    globalSearchField.selectAll();
                });
            }
        });
    }

    private void showSelection() {
        int index = viewModel.selectedIndexProperty().get();
        if (index < 0 || index >= searchResults.getItems().size()) {
            searchResults.getSelectionModel().clearSelection();
        } else {
            searchResults.getSelectionModel().select(index);
            searchResults.scrollTo(index);
        }
    }

    private void showPopup() {
        if (popup.isShowing() || globalSearchField.getScene() == null || globalSearchField.getScene().getWindow() == null) {
            return;
        }
        // A popup is a window of its own: it gets the app's style sheet from the window it belongs to.
        if (searchResults.getStylesheets().isEmpty()) {
            searchResults.getStylesheets().addAll(globalSearchField.getScene().getStylesheets());
        }
        Bounds field = globalSearchField.localToScreen(globalSearchField.getBoundsInLocal());
        popup.show(globalSearchField, field.getMinX(), field.getMaxY() + 2);
    }

    private final class ResultCell extends ListCell<SearchResult> {
        private final Label first = new Label();
        private final Label second = new Label();
        private final VBox lines = new VBox(2, first, second);

        ResultCell() {
            first.getStyleClass().add("search-hit-title");
            second.getStyleClass().add("field-note");
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                    viewModel.select(getIndex());
                    viewModel.openSelected();
                }
            });
        }

        @Override
        protected void updateItem(SearchResult result, boolean empty) {
            super.updateItem(result, empty);
            if (empty || result == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (result.isReceipt()) {
                first.setText("Receipt: " + result.payee() + (result.amount().isEmpty() ? "" : "  ·  " + result.amount()));
                second.setText(result.client() + "  ·  " + result.date()
                        + (result.memo().isEmpty() ? "" : "  ·  \u201C" + result.memo() + "\u201D"));
            } else {
                first.setText(result.payee() + "  ·  " + result.amount());
                second.setText(result.client() + "  ·  " + result.date()
                        + (result.memo().isEmpty() ? "" : "  ·  " + result.memo())
                        + "  ·  matched in " + result.matchedIn());
            }
            setText(null);
            setGraphic(lines);
        }
    }
}
