package app.booksflow.model.receipt;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import java.time.Instant;
import java.util.Optional;

/** A receipt a client or accountant dropped in, what was read from it, and the transaction it backs. */
public record Receipt(ReceiptId id, ClientId client, StoredFile file, ReceiptStatus status,
        Optional<String> failureReason, ExtractedFields fields, Optional<TransactionId> transaction, Instant receivedAt) {

    public Receipt {
        Checks.required(id, "The receipt id");
        Checks.required(client, "The receipt's client");
        Checks.required(file, "The receipt's file");
        Checks.required(status, "The receipt's status");
        Checks.required(failureReason, "The failure reason");
        failureReason = failureReason.map(reason -> Checks.requiredText(reason, "The failure reason", 1000));
        if (status == ReceiptStatus.FAILED && failureReason.isEmpty()) {
            throw new DomainException(DomainError.REQUIRED, "A failed receipt needs the reason it failed.");
        }
        if (status != ReceiptStatus.FAILED && failureReason.isPresent()) {
            throw new DomainException(DomainError.INVALID_STATE, "Only a failed receipt has a failure reason.");
        }
        Checks.required(fields, "The extracted fields");
        Checks.required(transaction, "The transaction link");
        Checks.required(receivedAt, "The time the receipt arrived");
    }

    public static Receipt received(ReceiptId id, ClientId client, StoredFile file, Instant at) {
        return new Receipt(id, client, file, ReceiptStatus.PENDING, Optional.empty(), ExtractedFields.NONE,
                Optional.empty(), at);
    }

    public Receipt withStatus(ReceiptStatus newStatus) {
        if (newStatus == ReceiptStatus.FAILED) {
            throw new DomainException(DomainError.INVALID_STATE, "Use failed(reason) to mark a receipt as failed.");
        }
        return new Receipt(id, client, file, newStatus, Optional.empty(), fields, transaction, receivedAt);
    }

    public Receipt failed(String reason) {
        return new Receipt(id, client, file, ReceiptStatus.FAILED, Optional.of(reason), fields, transaction, receivedAt);
    }

    public Receipt withFields(ExtractedFields newFields, ReceiptStatus newStatus) {
        return new Receipt(id, client, file, newStatus, Optional.empty(), newFields, transaction, receivedAt);
    }

    public Receipt linkedTo(TransactionId transactionId) {
        return new Receipt(id, client, file, status, failureReason, fields, Optional.of(transactionId), receivedAt);
    }
}
