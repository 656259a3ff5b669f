package app.booksflow.testdata;

import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.receipt.Receipt;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated transaction and the receipt that documents it, if the client kept one. The pairing is
 * the truth a receipt matcher should find: a COMPLETED receipt is already linked to the transaction
 * ({@code receipt.transaction()}), while PENDING, NEEDS_REVIEW and FAILED receipts are not linked yet.
 */
public record GeneratedTransaction(Transaction transaction, Optional<Receipt> receipt) {

    public GeneratedTransaction {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(receipt, "receipt");
    }

    /** Money out: a purchase, bill or fee. */
    public boolean isExpense() {
        return transaction.total().isNegative();
    }
}
