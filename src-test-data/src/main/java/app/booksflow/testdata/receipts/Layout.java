package app.booksflow.testdata.receipts;

/** How a receipt is laid out on paper. */
public enum Layout {
    /** A narrow thermal till slip: line items, subtotal, tax, total, cash and change or card. */
    TILL,
    /** A restaurant bill: table and server, dishes, tip or service charge. */
    RESTAURANT,
    /** An A4 or Letter invoice with a table of lines, an invoice date and a due date. */
    INVOICE,
    /** A fuel station slip: pump, litres (gallons in the US) at a price per unit. */
    FUEL,
    /** A pharmacy slip with prescription numbers. */
    PHARMACY
}
