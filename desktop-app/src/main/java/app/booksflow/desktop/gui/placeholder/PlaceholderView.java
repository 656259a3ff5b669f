package app.booksflow.desktop.gui.placeholder;

import app.booksflow.desktop.gui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/**
 * Stands in for a screen that is not built yet and says what it will hold. It shows no sample
 * figures on purpose: an accountant must never mistake invented numbers for a client's books.
 */
public final class PlaceholderView {

    private final String title;
    private final String plannedContent;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label plannedContentLabel;

    public PlaceholderView(String title, String plannedContent) {
        this.title = title;
        this.plannedContent = plannedContent;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(title);
        plannedContentLabel.setText(plannedContent);
    }
}
