package app.booksflow.desktop.gui.receipts;

import app.booksflow.model.ledger.Transaction;

/** A transaction no receipt backs yet, as a candidate for the selected receipt. */
public record TransactionRow(Transaction transaction, String date, String payee, String amount) {

    @Override
    public String toString() {
        return date + "  " + payee + "  " + amount;
    }
}
