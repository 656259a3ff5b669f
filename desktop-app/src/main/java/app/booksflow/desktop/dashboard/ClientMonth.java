package app.booksflow.desktop.dashboard;

import app.booksflow.model.practice.Client;
import java.util.Objects;

/** A client of the practice with its figures of the current month so far, as the practice list shows them. */
public record ClientMonth(Client client, PeriodFigures thisMonth) {

    public ClientMonth {
        Objects.requireNonNull(client);
        Objects.requireNonNull(thisMonth);
    }
}
