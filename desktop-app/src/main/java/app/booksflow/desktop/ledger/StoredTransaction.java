package app.booksflow.desktop.ledger;

import app.booksflow.model.ledger.Transaction;

/** A transaction as stored, with the version an edit must name so that it never overwrites a newer change. */
public record StoredTransaction(Transaction transaction, long version) {
}
