package app.booksflow.model.ledger;

/** A draft can still be edited freely; a posted transaction is part of the books. */
public enum TransactionStatus {
    DRAFT,
    POSTED
}
