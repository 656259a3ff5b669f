package app.booksflow.desktop.gui.inbox;

/** One top-level field of an inbox item: its label and both versions' values in words. */
public record FieldRow(String name, String label, String mine, String theirs, boolean differs) {
}
