package app.booksflow.model.receipt;

import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    private static final Sha256 HASH = new Sha256("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
    private final Receipt receipt = Receipt.received(ReceiptId.random(), ClientId.random(),
            new StoredFile(HASH, "till-roll.jpg", ReceiptMediaType.JPEG, 182_344), Instant.parse("2025-03-14T09:00:00Z"));

    @Test
    void aFailedReceiptAlwaysSaysWhy() {
        Receipt failed = receipt.failed("The file is a text file, not an image.");

        assertThat(failed.status()).isEqualTo(ReceiptStatus.FAILED);
        assertThat(failed.failureReason()).contains("The file is a text file, not an image.");
        assertRefused(() -> receipt.failed(" "), DomainError.REQUIRED);
        assertRefused(() -> receipt.withStatus(ReceiptStatus.FAILED), DomainError.INVALID_STATE);
        assertThat(failed.withStatus(ReceiptStatus.PENDING).failureReason()).isEmpty();
    }

    @Test
    void knowsItsLeastCertainField() {
        ExtractedFields fields = new ExtractedFields(Optional.of(Extracted.of("Staples", 92)),
                Optional.of(Extracted.of(LocalDate.of(2025, 3, 14), 71)),
                Optional.of(Extracted.of(Money.ofMinor(2399, Currencies.USD), 88)), Optional.empty(), Optional.empty());

        assertThat(fields.lowestConfidence()).contains(new Confidence(71));
        assertThat(ExtractedFields.NONE.lowestConfidence()).isEmpty();
    }

    @Test
    void linksToATransaction() {
        TransactionId transaction = TransactionId.random();

        assertThat(receipt.linkedTo(transaction).transaction()).contains(transaction);
    }

    @Test
    void refusesBadHashesEmptyFilesAndForeignFileTypes() {
        assertThat(HASH.hex()).startsWith("e3b0c442");
        assertRefused(() -> new Sha256("abc"), DomainError.INVALID_FORMAT);
        assertRefused(() -> new StoredFile(HASH, "empty.jpg", ReceiptMediaType.JPEG, 0), DomainError.OUT_OF_RANGE);
        assertRefused(() -> ReceiptMediaType.ofMimeType("text/plain"), DomainError.INVALID_FORMAT)
                .hasMessageContaining("JPEG, PNG, TIFF or PDF");
        assertRefused(() -> new Confidence(101), DomainError.OUT_OF_RANGE);
        assertThat(ReceiptMediaType.ofMimeType("Image/JPEG ")).isEqualTo(ReceiptMediaType.JPEG);
    }
}
