package app.booksflow.desktop.gui.audit;

import java.util.Optional;

/** An entry of a filter's drop-down: a value, or "any" when empty. */
public record Choice<T>(Optional<T> value, String label) {

    @Override
    public String toString() {
        return label;
    }
}
