package app.booksflow.desktop.gui.practice;

import app.booksflow.model.id.ClientId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One client of the practice list with this month's headline figures, already formatted.
 *
 * @param closedUpTo the closing date as the locale writes it, empty when no period is closed
 */
public record ClientRow(ClientId id, String name, String income, String expenses, String profit, boolean loss,
        Optional<LocalDate> closingDate, String closedUpTo) {
}
