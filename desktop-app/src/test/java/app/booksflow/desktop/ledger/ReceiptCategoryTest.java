package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.audit.AuditQuery;
import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.OlderBooks;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A receipt's category and its posting to the ledger, on a real H2 file. */
class ReceiptCategoryTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private ReceiptService receipts;
    private Path file;

    @BeforeEach
    void open() throws IOException {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        receipts = books.ledger.receipts();
        file = Files.write(Files.createDirectories(dir.resolve("downloads")).resolve("corner-cafe.pdf"),
                "%PDF-1.7\n% a receipt\n".getBytes());
    }

    @AfterEach
    void close() {
        books.close();
    }

    private static ExtractedFields fields(String vendor, LocalDate date, String total, String tax) {
        return new ExtractedFields(Optional.of(Extracted.of(vendor, 90)), Optional.of(Extracted.of(date, 90)),
                Optional.of(Extracted.of(Money.of(total, "GBP"), 90)),
                Optional.ofNullable(tax).map(t -> Extracted.of(Money.of(t, "GBP"), 90)), Optional.empty());
    }

    private Receipt read(ExtractedFields fields) {
        Receipt receipt = receipts.attach(client.id(), file, USER);
        return receipts.recordReading(receipt.id(), fields, true, USER);
    }

    private List<AuditRecord> receiptEvents() {
        return new AuditQueries(books.store).page(AuditQuery.everything(ZoneOffset.UTC)
                .withEntityType(Optional.of(EntityType.RECEIPT)), 0, 100).events();
    }

    private ReceiptRecord state(Optional<String> json) {
        return AuditLog.fromJson(json.orElseThrow(), ReceiptRecord.class);
    }

    @Test
    void theReviewStoresTheCategoryAuditsItAndUndoPutsTheOldOneBack() {
        AccountId meals = books.account(client.id(), "6400");
        AccountId travel = books.account(client.id(), "6300");
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        Receipt receipt = read(fields);

        receipts.review(receipt.id(), fields, Optional.of(meals), USER);
        receipts.review(receipt.id(), fields, Optional.of(travel), USER);

        assertThat(receipts.category(receipt.id())).contains(travel);
        assertThat(receipts.categories(client.id())).containsEntry(receipt.id(), travel).hasSize(1);
        AuditRecord last = receiptEvents().get(0);
        assertThat(state(last.before()).category()).contains(meals);
        assertThat(state(last.after()).category()).contains(travel);
        assertThat(last.after().orElseThrow()).contains(travel.value().toString());

        books.ledger.undo().undoLast(USER);
        assertThat(receipts.category(receipt.id())).contains(meals);
    }

    @Test
    void theCategoryDoesNotCountAsAReadFieldInTheAccuracy() {
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        Receipt receipt = read(fields);

        receipts.review(receipt.id(), fields, Optional.of(books.account(client.id(), "6400")), USER);

        assertThat(books.dashboards.receipts(client.id()).fieldsReviewed()).isEqualTo(3);
        assertThat(books.dashboards.receipts(client.id()).fieldsAccepted()).isEqualTo(3);
    }

    @Test
    void aReviewWithoutACategoryKeepsTheOneTheReceiptHas() {
        AccountId meals = books.account(client.id(), "6400");
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        Receipt receipt = read(fields);
        receipts.review(receipt.id(), fields, Optional.of(meals), USER);

        receipts.review(receipt.id(), fields, USER);

        assertThat(receipts.category(receipt.id())).contains(meals);
        receipts.review(receipt.id(), fields, Optional.empty(), USER);
        assertThat(receipts.category(receipt.id())).isEmpty();
    }

    @Test
    void anAccountOfAnotherClientOrAnUnknownOneIsRefusedAndNothingChanges() {
        Client other = books.ukClient("Dock Joinery");
        AccountId theirs = books.account(other.id(), "6400");
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        Receipt receipt = read(fields);
        int events = receiptEvents().size();

        assertThatThrownBy(() -> receipts.review(receipt.id(), fields, Optional.of(theirs), USER))
                .isInstanceOf(DomainException.class)
                .hasMessage("The category of receipt corner-cafe.pdf is not an account of this client; "
                        + "choose one of its accounts.");
        assertThatThrownBy(() -> receipts.review(receipt.id(), fields, Optional.of(AccountId.random()), USER))
                .isInstanceOf(DomainException.class).hasMessageContaining("not an account of this client");

        assertThat(receipts.find(receipt.id()).orElseThrow().status()).isEqualTo(ReceiptStatus.NEEDS_REVIEW);
        assertThat(receipts.category(receipt.id())).isEmpty();
        assertThat(receiptEvents()).hasSize(events);
    }

    @Test
    void anAuditEventWrittenBeforeReceiptsHadACategoryReadsBackWithoutOne() {
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        read(fields);
        String json = receiptEvents().get(0).after().orElseThrow();
        String older = json.replaceAll(",\\s*\"category\"\\s*:\\s*null", "");
        assertThat(older).doesNotContain("category");

        assertThat(AuditLog.fromJson(older, ReceiptRecord.class).category()).isEmpty();
    }

    @Test
    void postingBooksTheReceiptToItsCategoryWithTheMatchingPurchaseTaxCodeAndLinksIt() {
        AccountId office = books.account(client.id(), "6100");
        AccountId bank = books.account(client.id(), "1000");
        ExtractedFields fields = fields("Paper Stop Ltd", LocalDate.of(2025, 6, 2), "24.00", "4.00");
        Receipt receipt = read(fields);
        receipts.review(receipt.id(), fields, Optional.of(office), USER);

        ReceiptService.PostedReceipt posted = receipts.post(receipt.id(), bank, USER);

        Transaction transaction = books.ledger.transactions().find(posted.transaction().id()).orElseThrow().transaction();
        assertThat(transaction.payee()).isEqualTo("Paper Stop Ltd");
        assertThat(transaction.date()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(transaction.total()).isEqualTo(Money.of("-24.00", "GBP"));
        assertThat(transaction.bankAccount()).isEqualTo(bank);
        assertThat(transaction.isPosted()).isTrue();
        assertThat(transaction.splits()).containsExactly(new Split(office, Money.of("-24.00", "GBP"),
                Optional.of(books.taxCode(client.id(), "VAT20-P")), ""));
        assertThat(receipts.find(receipt.id()).orElseThrow().transaction()).contains(transaction.id());
        assertThat(receiptEvents().get(0).summary()).isEqualTo("Posted receipt corner-cafe.pdf to the ledger");
        DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(books.store);
        assertThat(snapshots[0]).isEqualTo(snapshots[1]);

        assertThatThrownBy(() -> receipts.post(receipt.id(), bank, USER))
                .hasMessageContaining("already backs a transaction");
    }

    @Test
    void postingIsRefusedWithoutCategoryInAClosedPeriodOrWithATaxNoCodeGivesAndWritesNothing() {
        AccountId bank = books.account(client.id(), "1000");
        ExtractedFields fields = fields("Paper Stop Ltd", LocalDate.of(2025, 3, 2), "24.00", "3.00");
        Receipt receipt = read(fields);

        assertThatThrownBy(() -> receipts.post(receipt.id(), bank, USER)).isInstanceOf(DomainException.class)
                .hasMessage("Receipt corner-cafe.pdf is not reviewed yet; confirm its fields before posting it.");
        receipts.review(receipt.id(), fields, USER);
        assertThatThrownBy(() -> receipts.post(receipt.id(), bank, USER)).isInstanceOf(DomainException.class)
                .hasMessage("Receipt corner-cafe.pdf has no category; choose the account it is booked to before "
                        + "posting it.");
        receipts.review(receipt.id(), fields, Optional.of(books.account(client.id(), "6100")), USER);
        assertThatThrownBy(() -> receipts.post(receipt.id(), bank, USER)).isInstanceOf(DomainException.class)
                .hasMessageContaining("The tax on receipt corner-cafe.pdf (3.00 GBP)")
                .hasMessageContaining("book it by hand");
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);
        assertThatThrownBy(() -> receipts.post(receipt.id(), bank, USER)).isInstanceOf(DomainException.class)
                .hasMessageContaining("closed up to 2025-03-31");

        assertThat(books.ledger.transactions().list(client.id(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)))
                .isEmpty();
        assertThat(receipts.find(receipt.id()).orElseThrow().transaction()).isEmpty();
    }

    @Test
    void theMigrationRunsAgainSafely() throws Exception {
        AccountId meals = books.account(client.id(), "6400");
        ExtractedFields fields = fields("Corner Café", LocalDate.of(2025, 6, 2), "12.00", null);
        Receipt receipt = read(fields);
        receipts.review(receipt.id(), fields, Optional.of(meals), USER);
        books.close();

        String url = "jdbc:h2:file:" + new DataDirectory(dir.resolve("books")).database();
        // V11 and every migration after it, as if the books had stopped at V10.
        int later = OlderBooks.before(url, "11");
        assertThat(later).isPositive();
        assertThat(OlderBooks.migrate(url)).isEqualTo(later);

        books = TestBooks.open(dir.resolve("books"));
        assertThat(books.ledger.receipts().category(receipt.id())).contains(meals);
    }
}
