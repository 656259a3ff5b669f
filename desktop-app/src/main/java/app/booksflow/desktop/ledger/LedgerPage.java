package app.booksflow.desktop.ledger;

import java.util.List;

/** Rows from {@code offset} on, and how many transactions match the query in all. */
public record LedgerPage(List<LedgerRow> rows, int offset, long totalCount) {

    public LedgerPage {
        rows = List.copyOf(rows);
    }
}
