package app.booksflow.desktop.ledger;

import app.booksflow.model.receipt.Receipt;
import java.time.Instant;
import java.util.Optional;

/**
 * A receipt with what only this device tracks about it (when reading finished, how the review went):
 * the state the audit trail records before and after a change, complete enough for undo to restore it.
 */
public record ReceiptRecord(Receipt receipt, Optional<Instant> processedAt, Optional<Integer> fieldsReviewed,
        Optional<Integer> fieldsAccepted) {

    static ReceiptRecord of(Receipt receipt) {
        return new ReceiptRecord(receipt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    ReceiptRecord with(Receipt changed) {
        return new ReceiptRecord(changed, processedAt, fieldsReviewed, fieldsAccepted);
    }

    /** Reading finished now, unless it had finished before: the processing time counts the first result. */
    ReceiptRecord processed(Instant at) {
        return new ReceiptRecord(receipt, processedAt.or(() -> Optional.of(at)), fieldsReviewed, fieldsAccepted);
    }

    ReceiptRecord reviewed(int reviewed, int accepted) {
        return new ReceiptRecord(receipt, processedAt, Optional.of(reviewed), Optional.of(accepted));
    }
}
