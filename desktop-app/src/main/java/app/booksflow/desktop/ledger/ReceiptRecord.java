package app.booksflow.desktop.ledger;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.receipt.Receipt;
import java.time.Instant;
import java.util.Optional;

/**
 * A receipt with what only this device tracks about it (when reading finished, how the review went, the
 * account it is booked to): the state the audit trail records before and after a change, complete enough
 * for undo to restore it.
 *
 * @param category the client's account the receipt is booked to (usually an expense), once chosen in review
 *                 or brought by a vendor rule; not a field read by OCR
 */
public record ReceiptRecord(Receipt receipt, Optional<Instant> processedAt, Optional<Integer> fieldsReviewed,
        Optional<Integer> fieldsAccepted, Optional<AccountId> category) {

    public ReceiptRecord {
        // Audit events written before receipts had a category read back without one.
        processedAt = processedAt == null ? Optional.empty() : processedAt;
        fieldsReviewed = fieldsReviewed == null ? Optional.empty() : fieldsReviewed;
        fieldsAccepted = fieldsAccepted == null ? Optional.empty() : fieldsAccepted;
        category = category == null ? Optional.empty() : category;
    }

    static ReceiptRecord of(Receipt receipt) {
        return new ReceiptRecord(receipt, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    ReceiptRecord with(Receipt changed) {
        return new ReceiptRecord(changed, processedAt, fieldsReviewed, fieldsAccepted, category);
    }

    /** Reading finished now, unless it had finished before: the processing time counts the first result. */
    ReceiptRecord processed(Instant at) {
        return new ReceiptRecord(receipt, processedAt.or(() -> Optional.of(at)), fieldsReviewed, fieldsAccepted,
                category);
    }

    ReceiptRecord reviewed(int reviewed, int accepted) {
        return new ReceiptRecord(receipt, processedAt, Optional.of(reviewed), Optional.of(accepted), category);
    }

    ReceiptRecord categorized(Optional<AccountId> account) {
        return new ReceiptRecord(receipt, processedAt, fieldsReviewed, fieldsAccepted, account);
    }
}
