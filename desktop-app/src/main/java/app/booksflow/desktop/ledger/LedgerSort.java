package app.booksflow.desktop.ledger;

/** The orders the ledger can be read in; every order ends on the transaction id so that paging is stable. */
public enum LedgerSort {
    DATE,
    PAYEE,
    /** The signed total: money out (negative) first when ascending. */
    AMOUNT,
    /** The name of the account of the first split line. */
    ACCOUNT
}
