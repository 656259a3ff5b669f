package app.booksflow.server.ledger;

import app.booksflow.model.ledger.Transaction;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A transaction as the server holds it: the shared model's JSON with the server's version beside its fields. */
public record StoredTransaction(@JsonUnwrapped Transaction transaction, long version) {
}
