package app.booksflow.desktop.gui.practice;

import app.booksflow.model.id.ClientId;

/** One client of the practice list with this month's headline figures, already formatted. */
public record ClientRow(ClientId id, String name, String income, String expenses, String profit, boolean loss) {
}
