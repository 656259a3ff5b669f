package app.booksflow.model;

/** Why a value was refused. The names are part of the sync protocol: add, never rename. */
public enum DomainError {
    REQUIRED,
    TOO_LONG,
    INVALID_FORMAT,
    OUT_OF_RANGE,
    UNKNOWN_CURRENCY,
    CURRENCY_MISMATCH,
    TOO_MANY_DECIMALS,
    AMOUNT_OVERFLOW,
    INVALID_AMOUNT,
    SPLITS_UNBALANCED,
    DUPLICATE,
    PERIOD_CLOSED,
    INVALID_STATE
}
