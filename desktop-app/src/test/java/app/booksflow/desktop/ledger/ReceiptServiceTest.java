package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.dashboard.ReceiptSummary;
import app.booksflow.desktop.support.ReceiptFixtures;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.ReceiptStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptServiceTest {

    private static final byte[] PDF = "%PDF-1.7\n% a receipt\n".getBytes();

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private ReceiptService receipts;
    private Path original;

    @BeforeEach
    void open() throws IOException {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        receipts = books.ledger.receipts();
        original = Files.write(Files.createDirectories(dir.resolve("downloads")).resolve("invoice-march.pdf"), PDF);
        Files.setLastModifiedTime(original, FileTime.from(Instant.parse("2025-03-01T10:00:00Z")));
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void attachingCopiesTheFileByContentAndLeavesTheOriginalAlone() throws IOException {
        Receipt receipt = receipts.attach(client.id(), original, USER);

        Path stored = receipts.file(receipt);
        String hash = receipt.file().sha256().hex();
        assertThat(stored).isEqualTo(dir.resolve("books/receipts").resolve(hash.substring(0, 2))
                .resolve(hash.substring(2, 4)).resolve(hash));
        assertThat(stored).hasBinaryContent(PDF);
        assertThat(original).hasBinaryContent(PDF);
        assertThat(Files.getLastModifiedTime(original)).isEqualTo(FileTime.from(Instant.parse("2025-03-01T10:00:00Z")));
        assertThat(receipt.file().mediaType()).isEqualTo(ReceiptMediaType.PDF);
        assertThat(receipt.file().originalName()).isEqualTo("invoice-march.pdf");
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.PENDING);
        assertThat(books.dashboards.receipts(client.id()).pending()).isEqualTo(1);
    }

    @Test
    void theSameFileAttachedTwiceIsStoredOnce() throws IOException {
        Receipt first = receipts.attach(client.id(), original, USER);
        Receipt second = receipts.attach(client.id(), original, USER);

        assertThat(second.file().sha256()).isEqualTo(first.file().sha256());
        assertThat(second.id()).isNotEqualTo(first.id());
        try (var files = Files.walk(dir.resolve("books/receipts"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void refusesAFileThatIsNotAReceipt() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "just text");

        assertThatThrownBy(() -> receipts.attach(client.id(), notes, USER))
                .hasMessage("notes.txt is not a receipt file; receipts are JPEG, PNG, TIFF or PDF files.");
        assertThat(receipts.list(client.id(), Optional.empty())).isEmpty();
    }

    @Test
    void readingAndReviewFeedProcessingTimeAndAccuracy() {
        Receipt receipt = receipts.attach(client.id(), original, USER);
        books.clock.advance(Duration.ofSeconds(2));
        receipts.startReading(receipt.id(), USER);
        books.clock.advance(Duration.ofSeconds(4));
        ExtractedFields read = fields("Offce World", "120.00");
        receipts.recordReading(receipt.id(), read, true, USER);
        assertThat(books.dashboards.receipts(client.id()).toReview()).isEqualTo(1);

        books.clock.advance(Duration.ofMinutes(30));
        Receipt reviewed = receipts.review(receipt.id(), fields("Office World", "120.00"), USER);

        assertThat(reviewed.status()).isEqualTo(ReceiptStatus.COMPLETED);
        ReceiptSummary summary = books.dashboards.receipts(client.id());
        assertThat(summary.averageProcessingTime()).contains(Duration.ofSeconds(6));
        assertThat(summary.fieldsReviewed()).isEqualTo(4);
        assertThat(summary.fieldsAccepted()).isEqualTo(3);
        assertThat(summary.accuracyPercent()).contains(new BigDecimal("75.0"));
        assertThat(summary.count(ReceiptStatus.COMPLETED)).isEqualTo(1);
        assertThat(summary.toReview()).isZero();
    }

    @Test
    void refusesToReviewAReceiptThatWasNotReadYet() {
        Receipt receipt = receipts.attach(client.id(), original, USER);

        assertThatThrownBy(() -> receipts.review(receipt.id(), fields("x", "1.00"), USER))
                .hasMessage("Cannot review a receipt that is pending.");
    }

    @Test
    void aFailedReadingCountsItsTimeAndCanBeRetried() {
        Receipt receipt = receipts.attach(client.id(), original, USER);
        books.clock.advance(Duration.ofSeconds(10));

        Receipt failed = receipts.fail(receipt.id(), "The photo is cut off above the total.", USER);
        Receipt retried = receipts.startReading(receipt.id(), USER);

        assertThat(failed.failureReason()).contains("The photo is cut off above the total.");
        assertThat(retried.status()).isEqualTo(ReceiptStatus.PROCESSING);
        assertThat(books.dashboards.receipts(client.id()).averageProcessingTime()).contains(Duration.ofSeconds(10));
    }

    @Test
    void linksToATransactionOfItsOwnClientOnly() {
        Receipt receipt = receipts.attach(client.id(), original, USER);
        Transaction own = books.ledger.transactions().create(books.purchase(client, LocalDate.of(2025, 3, 1), "120.00",
                "6100"), USER).transaction();
        Client other = books.ukClient("Other Ltd");
        Transaction foreign = books.ledger.transactions().create(books.purchase(other, LocalDate.of(2025, 3, 1), "5.00",
                "6100"), USER).transaction();

        assertThat(receipts.link(receipt.id(), own.id(), USER).transaction()).contains(own.id());
        assertThatThrownBy(() -> receipts.link(receipt.id(), foreign.id(), USER))
                .hasMessage("A receipt can only back a transaction of its own client.");
    }

    @Test
    void deletingATransactionUnlinksItsReceipts() {
        Receipt receipt = receipts.attach(client.id(), original, USER);
        Transaction bill = books.ledger.transactions().create(books.purchase(client, LocalDate.of(2025, 3, 1), "120.00",
                "6100"), USER).transaction();
        receipts.link(receipt.id(), bill.id(), USER);

        books.ledger.transactions().delete(bill.id(), USER);

        assertThat(receipts.find(receipt.id()).orElseThrow().transaction()).isEmpty();
    }

    @Test
    void deletingAReceiptTakesItOffTheDashboardButKeepsTheFile() {
        Receipt receipt = receipts.attach(client.id(), original, USER);

        receipts.delete(receipt.id(), USER);

        assertThat(receipts.find(receipt.id())).isEmpty();
        assertThat(books.dashboards.receipts(client.id()).byStatus()).isEmpty();
        assertThat(receipts.file(receipt)).exists();
    }

    private static ExtractedFields fields(String vendor, String total) {
        Money amount = Money.of(total, "GBP");
        return new ExtractedFields(Optional.of(Extracted.of(vendor, 70)),
                Optional.of(Extracted.of(LocalDate.of(2025, 3, 1), 95)), Optional.of(Extracted.of(amount, 91)),
                Optional.empty(), Optional.of(Extracted.of(Currencies.GBP, 99)));
    }

    @Test
    void refusesAFileLargerThanAReceiptCanBe() {
        Path huge = ReceiptFixtures.largePdf(dir.resolve("scan.pdf"), ReceiptFiles.MAX_BYTES + 1);

        assertThatThrownBy(() -> receipts.attach(client.id(), huge, USER))
                .hasMessage("scan.pdf is 25.0 MB; a receipt file can be at most 25 MB.");
        assertThat(receipts.list(client.id(), Optional.empty())).isEmpty();
    }

    @Test
    void transactionsWithoutReceiptComeNearestInDateThenInAmount() {
        var transactions = books.ledger.transactions();
        Transaction far = transactions.create(books.purchase(client, LocalDate.of(2025, 1, 2), "120.00", "6100"), USER)
                .transaction();
        Transaction sameDayOtherAmount = transactions.create(books.purchase(client, LocalDate.of(2025, 3, 1), "80.00",
                "6100"), USER).transaction();
        Transaction sameDaySameAmount = transactions.create(books.purchase(client, LocalDate.of(2025, 3, 1), "120.00",
                "6100"), USER).transaction();
        Transaction nextDay = transactions.create(books.purchase(client, LocalDate.of(2025, 3, 2), "120.00", "6100"),
                USER).transaction();
        Transaction backed = transactions.create(books.purchase(client, LocalDate.of(2025, 3, 1), "120.00", "6100"),
                USER).transaction();
        receipts.link(receipts.attach(client.id(), original, USER).id(), backed.id(), USER);
        Client other = books.ukClient("Other Ltd");
        transactions.create(books.purchase(other, LocalDate.of(2025, 3, 1), "120.00", "6100"), USER);

        var nearest = receipts.transactionsWithoutReceipt(client.id(), LocalDate.of(2025, 3, 1),
                Optional.of(Money.of("120.00", "GBP")), 10);

        assertThat(nearest).extracting(Transaction::id).containsExactly(sameDaySameAmount.id(), sameDayOtherAmount.id(),
                nextDay.id(), far.id());
        assertThat(receipts.transactionsWithoutReceipt(client.id(), LocalDate.of(2025, 3, 1), Optional.empty(), 2))
                .hasSize(2);
    }
}
