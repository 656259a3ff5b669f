package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What a receipt adds to its client's dashboard: one count under its status, and once read, its
 * processing time; once reviewed, how many fields were checked and how many were right.
 *
 * @param processingMillis from arrival until reading first finished, when it has
 * @param fieldsReviewed   zero until reviewed
 */
public record ReceiptFacts(ClientId client, ReceiptStatus status, OptionalLong processingMillis, int fieldsReviewed,
        int fieldsAccepted) {

    /** @param processedAt null until reading finished; reviewed and accepted null until reviewed */
    public static ReceiptFacts of(ClientId client, ReceiptStatus status, Instant receivedAt, Instant processedAt,
            Integer reviewed, Integer accepted) {
        // A device clock set back between arrival and reading must not produce a negative time.
        OptionalLong millis = processedAt == null ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, Duration.between(receivedAt, processedAt).toMillis()));
        return new ReceiptFacts(client, status, millis, reviewed == null ? 0 : reviewed, accepted == null ? 0 : accepted);
    }

    public static ReceiptFacts of(ReceiptEntity entity) {
        return of(new ClientId(entity.clientId()), ReceiptStatus.valueOf(entity.status()), entity.receivedAt(),
                entity.processedAt().orElse(null), entity.fieldsReviewed(), entity.fieldsAccepted());
    }
}
