package app.booksflow.desktop.dashboard;

import app.booksflow.model.receipt.ReceiptStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A client's receipts: how many are at each step, how accurate reading was (fields accepted as read
 * out of those reviewed) and how long reading took on average, from exact sums and counts.
 */
public record ReceiptSummary(Map<ReceiptStatus, Long> byStatus, long fieldsReviewed, long fieldsAccepted,
        long processedCount, long processingMillis) {

    public ReceiptSummary {
        byStatus = Map.copyOf(byStatus);
    }

    public long count(ReceiptStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Waiting to be read or being read. */
    public long pending() {
        return count(ReceiptStatus.PENDING) + count(ReceiptStatus.PROCESSING);
    }

    public long toReview() {
        return count(ReceiptStatus.NEEDS_REVIEW);
    }

    /** Percent with one decimal; empty before the first review. */
    public Optional<BigDecimal> accuracyPercent() {
        if (fieldsReviewed == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(fieldsAccepted).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(fieldsReviewed), 1, RoundingMode.HALF_EVEN));
    }

    /** Exact to the nanosecond; empty before the first receipt was read. */
    public Optional<Duration> averageProcessingTime() {
        if (processedCount == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(processingMillis).dividedBy(processedCount));
    }
}
