package app.booksflow.desktop.demo;

import app.booksflow.model.receipt.Confidence;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the generator does not say about its receipts but the dashboard shows: how long reading took
 * and how the accountant's review went. Made up, but the same for the same receipt on every run.
 */
final class DemoReceipts {

    /** Fields read this surely were left as they were in review; the rest were corrected. */
    private static final Confidence ACCEPTED = new Confidence(90);

    private DemoReceipts() {
    }

    /** Read 5 to 95 seconds after arrival, once reading is over. */
    static Optional<Instant> processedAt(Receipt receipt) {
        if (receipt.status() == ReceiptStatus.PENDING || receipt.status() == ReceiptStatus.PROCESSING) {
            return Optional.empty();
        }
        long millis = 5_000 + Math.floorMod(receipt.id().value().getLeastSignificantBits(), 90_000L);
        return Optional.of(receipt.receivedAt().plusMillis(millis));
    }

    /** Completed receipts were reviewed: {fields reviewed, fields accepted}. */
    static Optional<int[]> review(Receipt receipt) {
        if (receipt.status() != ReceiptStatus.COMPLETED) {
            return Optional.empty();
        }
        ExtractedFields fields = receipt.fields();
        var confidences = Stream.of(fields.vendor(), fields.date(), fields.total(), fields.tax(), fields.currency())
                .flatMap(Optional::stream).map(Extracted::confidence).toList();
        int accepted = (int) confidences.stream().filter(c -> !c.isBelow(ACCEPTED)).count();
        return Optional.of(new int[] {confidences.size(), accepted});
    }
}
