package app.booksflow.desktop.gui.receipts;

import app.booksflow.model.receipt.ReceiptStatus;
import java.util.Optional;

/** A choice of the status filter: one status, or all of them. */
public record StatusFilter(Optional<ReceiptStatus> status, String label) {

    @Override
    public String toString() {
        return label;
    }
}
