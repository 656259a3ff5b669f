package app.booksflow.desktop.gui.receipts;

import app.booksflow.desktop.receipts.imports.ImportFileState;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One file of an import in the progress table: its name and folder, state and reason; changed on the FX thread. */
public final class ImportFileRow {

    private final long id;
    private final Path path;
    private final ReadOnlyObjectWrapper<ImportFileState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");

    ImportFileRow(long id, Path path, ImportFileState state, String reason) {
        this.id = id;
        this.path = path;
        update(state, reason);
    }

    void update(ImportFileState newState, String newReason) {
        state.set(newState);
        stateText.set(text(newState));
        reason.set(newReason == null ? "" : newReason);
    }

    static String text(ImportFileState state) {
        return switch (state) {
            case QUEUED -> "Waiting";
            case READING -> "Reading";
            case DONE -> "Imported";
            case DUPLICATE -> "Duplicate";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    public long id() {
        return id;
    }

    public String name() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    public String folder() {
        return path.getParent() == null ? "" : path.getParent().toString();
    }

    public ReadOnlyObjectProperty<ImportFileState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public boolean isProblem() {
        return state.get() == ImportFileState.FAILED || state.get() == ImportFileState.DUPLICATE;
    }

    @Override
    public String toString() {
        return name() + " " + stateText.get().toLowerCase(Locale.ROOT);
    }
}
