package app.booksflow.model;

/** The kinds of synchronized entity. The names are part of the sync protocol: add, never rename. */
public enum EntityType {
    ORGANIZATION,
    USER,
    CLIENT,
    CLIENT_ASSIGNMENT,
    ACCOUNT,
    TAX_CODE,
    TRANSACTION,
    RECEIPT
}
