package app.booksflow.model.receipt;

/** Where a receipt is on its way from upload to a booked transaction. */
public enum ReceiptStatus {
    PENDING,
    PROCESSING,
    NEEDS_REVIEW,
    COMPLETED,
    FAILED
}
