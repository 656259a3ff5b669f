package app.booksflow.desktop.reports.export;

import app.booksflow.model.money.Money;

/** A cell of a report table: text, or an amount that exports keep numeric. */
public sealed interface Cell {

    static Cell text(String text) {
        return new Text(text);
    }

    static Cell amount(Money amount) {
        return new Amount(amount);
    }

    record Text(String text) implements Cell {
        public Text {
            text = text == null ? "" : text;
        }
    }

    record Amount(Money amount) implements Cell {
    }
}
