package app.booksflow.desktop.gui.receipts;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ledger.ReceiptFiles;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.ReceiptFixtures;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Receipts screen's view model on a real H2 store and real files; the synchronous executor runs every task at once. */
class ReceiptsViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private ObjectProperty<Settings> settings;
    private ReceiptsViewModel viewModel;
    private Path downloads;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        downloads = dir.resolve("downloads");
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        viewModel = new ReceiptsViewModel(books.ledger, settings, new SynchronousTaskExecutor(), books.clock, USER);
        viewModel.clientProperty().set(bakery.id());
    }

    @AfterEach
    void close() {
        books.close();
    }

    private Receipt attached(Path file) {
        Receipt receipt = books.ledger.receipts().attach(bakery.id(), file, USER);
        books.clock.advance(Duration.ofMinutes(1));
        return receipt;
    }

    private Receipt read(Receipt receipt, String vendor, LocalDate date, String total) {
        ExtractedFields fields = new ExtractedFields(Optional.of(Extracted.of(vendor, 72)), Optional.of(Extracted.of(date, 91)),
                Optional.of(Extracted.of(Money.of(total, "GBP"), 64)), Optional.empty(), Optional.empty());
        return books.ledger.receipts().recordReading(receipt.id(), fields, true, USER);
    }

    private ReceiptRow rowOf(Receipt receipt) {
        return viewModel.receipts().stream().filter(row -> row.receipt().id().equals(receipt.id())).findFirst().orElseThrow();
    }

    @Test
    void listsTheClientsReceiptsNewestFirstAndFiltersByStatus() {
        Receipt first = attached(ReceiptFixtures.png(downloads.resolve("first.png"), 40, 60, Color.RED));
        Receipt second = attached(ReceiptFixtures.pdf(downloads.resolve("second.pdf")));
        read(second, "Flour Mill Ltd", LocalDate.of(2025, 6, 10), "48.00");

        viewModel.refresh();

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactly("second.pdf", "first.png");
        assertThat(viewModel.receipts()).extracting(ReceiptRow::status).containsExactly("Needs review", "Pending");
        assertThat(rowOf(second).details()).isEqualTo("Flour Mill Ltd · 10/06/2025 · £48.00");
        assertThat(rowOf(first).details()).isEqualTo("Nothing read yet");

        viewModel.statusFilterProperty().set(viewModel.statusFilters().stream()
                .filter(f -> f.status().equals(Optional.of(ReceiptStatus.PENDING))).findFirst().orElseThrow());

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactly("first.png");
        viewModel.statusFilterProperty().set(viewModel.statusFilters().stream()
                .filter(f -> f.status().equals(Optional.of(ReceiptStatus.FAILED))).findFirst().orElseThrow());
        assertThat(viewModel.receipts()).isEmpty();
        assertThat(viewModel.emptyTextProperty().get()).isEqualTo("No receipt has this status.");
    }

    @Test
    void thumbnailsAreDrawnSmallAndACorruptFileGetsAPlaceholderWithoutBreakingTheList() {
        attached(ReceiptFixtures.png(downloads.resolve("photo.png"), 800, 1200, Color.BLUE));
        attached(ReceiptFixtures.corruptJpeg(downloads.resolve("broken.jpg")));
        attached(ReceiptFixtures.pdf(downloads.resolve("invoice.pdf")));
        viewModel.refresh();

        viewModel.receipts().forEach(viewModel::requestThumbnail);

        assertThat(viewModel.receipts()).hasSize(3);
        ReceiptPicture photo = viewModel.receipts().get(2).thumbnailProperty().get();
        assertThat(photo.image()).hasValueSatisfying(image -> {
            assertThat(image.getHeight()).isEqualTo(ReceiptsViewModel.THUMBNAIL_SIDE);
            assertThat(image.getWidth()).isEqualTo(64);
        });
        ReceiptPicture broken = viewModel.receipts().get(1).thumbnailProperty().get();
        assertThat(broken.image()).isEmpty();
        assertThat(broken.problem()).isEqualTo("The file cannot be shown: it is damaged or not a JPEG file.");
        ReceiptPicture pdf = viewModel.receipts().get(0).thumbnailProperty().get();
        assertThat(pdf.image()).hasValueSatisfying(image ->
                assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(ReceiptsViewModel.THUMBNAIL_SIDE));
    }

    @Test
    void aThumbnailIsDrawnOnceAndKeptForTheNextRefresh() throws IOException {
        Receipt receipt = attached(ReceiptFixtures.png(downloads.resolve("photo.png"), 50, 50, Color.GREEN));
        viewModel.refresh();
        viewModel.requestThumbnail(viewModel.receipts().get(0));
        ReceiptPicture drawn = viewModel.receipts().get(0).thumbnailProperty().get();

        Files.delete(books.ledger.receipts().file(receipt));
        viewModel.refresh();
        viewModel.requestThumbnail(viewModel.receipts().get(0));

        assertThat(viewModel.receipts().get(0).thumbnailProperty().get()).isSameAs(drawn);
    }

    @Test
    void aFileMissingFromTheStoreShowsWhyInsteadOfAPicture() throws IOException {
        Receipt receipt = attached(ReceiptFixtures.png(downloads.resolve("photo.png"), 50, 50, Color.GREEN));
        Files.delete(books.ledger.receipts().file(receipt));
        viewModel.refresh();

        viewModel.selectedProperty().set(viewModel.receipts().get(0));

        assertThat(viewModel.previewProperty().get().problem()).startsWith("The file is not on this device.")
                .contains("Sign in to the practice's server");
    }

    @Test
    void attachingKeepsTheGoodFilesAndRefusesEachBadOneWithItsOwnReason() throws IOException {
        Path good = ReceiptFixtures.png(downloads.resolve("lunch.png"), 30, 30, Color.ORANGE);
        Path text = Files.writeString(downloads.resolve("notes.txt"), "not a receipt");
        Path huge = ReceiptFixtures.largePdf(downloads.resolve("scan.pdf"), ReceiptFiles.MAX_BYTES + 1);
        Path gone = downloads.resolve("deleted.pdf");
        Path folder = Files.createDirectories(downloads.resolve("March"));
        Path alsoGood = ReceiptFixtures.pdf(downloads.resolve("fuel.pdf"));

        viewModel.attach(List.of(good, text, huge, gone, folder, alsoGood));

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactlyInAnyOrder("lunch.png", "fuel.pdf");
        assertThat(viewModel.refusals()).containsExactly(
                "notes.txt is not a receipt file; receipts are JPEG, PNG, TIFF or PDF files.",
                "scan.pdf is 25.0 MB; a receipt file can be at most 25 MB.",
                "deleted.pdf no longer exists.",
                "March is a folder; attach the receipt files inside it.");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Attached 2 receipts. 4 files were refused:");
    }

    @Test
    void attachingWithoutAClientSaysWhatToDo() {
        viewModel.clientProperty().set(null);

        viewModel.attach(List.of(ReceiptFixtures.pdf(downloads.resolve("fuel.pdf"))));

        assertThat(viewModel.messageProperty().get()).isEqualTo("Choose a client on the Practice screen before attaching receipts.");
        assertThat(books.ledger.receipts().list(bakery.id(), Optional.empty())).isEmpty();
    }

    @Test
    void selectingAReceiptShowsItsPictureItsFieldsAndTheNearestTransactionsWithoutReceipt() {
        var transactions = books.ledger.transactions();
        Transaction flour = transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 10), "48.00", "6100"), USER)
                .transaction();
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 5, 2), "48.00", "6100"), USER);
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 10), "300.00", "6100"), USER);
        Receipt receipt = read(attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf"))), "Flour Mill Ltd",
                LocalDate.of(2025, 6, 10), "48.00");
        viewModel.refresh();

        viewModel.selectedProperty().set(rowOf(receipt));

        assertThat(viewModel.previewProperty().get().image()).hasValueSatisfying(image ->
                assertThat(Math.max(image.getWidth(), image.getHeight())).isGreaterThan(ReceiptsViewModel.THUMBNAIL_SIDE));
        ReceiptFieldsForm form = viewModel.form();
        assertThat(form.vendorProperty().get()).isEqualTo("Flour Mill Ltd");
        assertThat(form.dateProperty().get()).isEqualTo("10/06/2025");
        assertThat(form.totalProperty().get()).isEqualTo("48.00");
        assertThat(form.totalConfidenceProperty().get()).isEqualTo("read with 64 % confidence");
        assertThat(form.taxProperty().get()).isEmpty();
        assertThat(form.currencyProperty().get()).isEqualTo("GBP");
        assertThat(viewModel.reviewableProperty().get()).isTrue();
        assertThat(viewModel.candidates()).extracting(TransactionRow::date, TransactionRow::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10/06/2025", "-£48.00"),
                org.assertj.core.groups.Tuple.tuple("10/06/2025", "-£300.00"),
                org.assertj.core.groups.Tuple.tuple("02/05/2025", "-£48.00"));
        assertThat(viewModel.candidates().get(0).transaction().id()).isEqualTo(flour.id());
        assertThat(viewModel.linkedToProperty().get()).isEqualTo("Not linked to a transaction");
    }

    @Test
    void linksTheSelectedReceiptToTheSelectedTransactionAndUnlinksIt() {
        Transaction flour = books.ledger.transactions().create(books.purchase(bakery, LocalDate.of(2025, 6, 10), "48.00",
                "6100"), USER).transaction();
        Receipt receipt = attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf")));
        viewModel.refresh();
        viewModel.selectedProperty().set(rowOf(receipt));
        viewModel.selectedTransactionProperty().set(viewModel.candidates().get(0));

        viewModel.linkSelected();

        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).contains(flour.id());
        assertThat(viewModel.messageProperty().get()).isEqualTo("Linked flour.pdf to Supplier of 10/06/2025.");
        assertThat(viewModel.selectedProperty().get().receipt().id()).isEqualTo(receipt.id());
        assertThat(viewModel.linkedProperty().get()).isTrue();
        assertThat(viewModel.linkedToProperty().get()).isEqualTo("Backs 10/06/2025  Supplier  -£48.00");
        assertThat(viewModel.candidates()).isEmpty();

        viewModel.unlinkSelected();

        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).isEmpty();
        assertThat(viewModel.candidates()).hasSize(1);
        assertThat(viewModel.linkedProperty().get()).isFalse();
    }

    @Test
    void aLinkToAForeignOrDeletedTransactionShowsTheLedgersReasonAndChangesNothing() {
        Receipt receipt = attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf")));
        Client other = books.ukClient("Other Ltd");
        Transaction foreign = books.ledger.transactions().create(books.purchase(other, LocalDate.of(2025, 6, 10), "5.00",
                "6100"), USER).transaction();
        viewModel.refresh();
        ReceiptRow row = rowOf(receipt);

        viewModel.link(row, new TransactionRow(foreign, "10/06/2025", "Supplier", "-£5.00"));

        assertThat(viewModel.messageProperty().get()).isEqualTo("A receipt can only back a transaction of its own client.");
        Transaction deleted = books.purchase(bakery, LocalDate.of(2025, 6, 1), "5.00", "6100");
        viewModel.link(row, new TransactionRow(deleted, "01/06/2025", "Supplier", "-£5.00"));
        assertThat(viewModel.messageProperty().get()).contains(deleted.id().toString());
        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).isEmpty();
    }

    @Test
    void aLinkToAReceiptDeletedMeanwhileSaysSo() {
        Receipt receipt = attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf")));
        Transaction flour = books.ledger.transactions().create(books.purchase(bakery, LocalDate.of(2025, 6, 10), "48.00",
                "6100"), USER).transaction();
        viewModel.refresh();
        ReceiptRow row = rowOf(receipt);
        books.ledger.receipts().delete(receipt.id(), USER);

        viewModel.link(row, new TransactionRow(flour, "10/06/2025", "Supplier", "-£48.00"));

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("The receipt " + receipt.id() + " no longer exists; it may have been deleted.");
        assertThat(viewModel.receipts()).isEmpty();
    }

    @Test
    void aReceiptCanBackATransactionInAClosedPeriodAsTheLedgerAllowsIt() {
        Transaction march = books.ledger.transactions().create(books.purchase(bakery, LocalDate.of(2025, 3, 10), "48.00",
                "6100"), USER).transaction();
        books.ledger.clients().changeClosingDate(bakery.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);
        Receipt receipt = attached(ReceiptFixtures.pdf(downloads.resolve("march.pdf")));
        viewModel.refresh();

        viewModel.link(rowOf(receipt), new TransactionRow(march, "10/03/2025", "Supplier", "-£48.00"));

        // Linking documents a booking without changing it, so the ledger accepts it in a closed period.
        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).contains(march.id());
        assertThat(books.ledger.transactions().find(march.id()).orElseThrow().transaction()).isEqualTo(march);
    }

    @Test
    void badFieldsAreMarkedWhereTheyAreAndNothingIsSaved() {
        Receipt receipt = read(attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf"))), "Flour Mill Ltd",
                LocalDate.of(2025, 6, 10), "48.00");
        viewModel.refresh();
        viewModel.selectedProperty().set(rowOf(receipt));
        ReceiptFieldsForm form = viewModel.form();
        form.totalProperty().set("48,00.1");
        form.dateProperty().set("31/02/2025");
        form.taxProperty().set("£8.00");
        form.currencyProperty().set("XYZ");

        viewModel.confirmFields();

        assertThat(form.totalErrorProperty().get()).isNotEmpty();
        assertThat(form.dateErrorProperty().get()).isEqualTo("Not a date; type it as 15/06/2025 or 2025-06-15.");
        assertThat(form.currencyErrorProperty().get()).isEqualTo("Not a currency code; type three letters such as GBP or EUR.");
        assertThat(form.totalProperty().get()).isEqualTo("48,00.1");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Correct the fields marked in red, then confirm again.");
        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().status()).isEqualTo(ReceiptStatus.NEEDS_REVIEW);

        form.currencyProperty().set("GBP");
        form.dateProperty().set("10/06/2025");
        form.totalProperty().set("4.00");
        viewModel.confirmFields();
        assertThat(form.taxErrorProperty().get()).isEqualTo("The tax is more than the total.");
        assertThat(form.totalErrorProperty().get()).isEmpty();
    }

    @Test
    void correctedFieldsAreConfirmedInTheUsersLocale() {
        settings.set(new Settings(dir.resolve("data"), Locale.GERMANY, CurrencyDisplay.ISO_CODE, Optional.empty()));
        Receipt receipt = read(attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf"))), "Flour Mill Ltd",
                LocalDate.of(2025, 6, 10), "48.00");
        viewModel.refresh();
        viewModel.selectedProperty().set(rowOf(receipt));
        ReceiptFieldsForm form = viewModel.form();
        assertThat(form.totalProperty().get()).isEqualTo("48,00");
        form.vendorProperty().set("Flour Mill Limited");
        form.totalProperty().set("1.248,50");
        form.taxProperty().set("208,08");

        viewModel.confirmFields();

        Receipt confirmed = books.ledger.receipts().find(receipt.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(ReceiptStatus.COMPLETED);
        assertThat(confirmed.fields().vendor().orElseThrow().value()).isEqualTo("Flour Mill Limited");
        assertThat(confirmed.fields().total().orElseThrow().value()).isEqualTo(Money.of("1248.50", "GBP"));
        assertThat(confirmed.fields().tax().orElseThrow().value()).isEqualTo(Money.of("208.08", "GBP"));
        assertThat(confirmed.fields().date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(viewModel.messageProperty().get()).isEqualTo("Confirmed the fields of flour.pdf.");
        assertThat(form.totalConfidenceProperty().get()).isEqualTo("confirmed");
        assertThat(rowOf(receipt).status()).isEqualTo("Completed");
        assertThat(books.ledger.vendorRules().find(receipt.client(), "FLOUR MILL LTD"))
                .as("the renamed vendor is remembered for the next receipt").hasValueSatisfying(rule ->
                        assertThat(rule.name()).isEqualTo("Flour Mill Limited"));
    }

    @Test
    void theSearchFieldListsTheReceiptsThatMentionItAndSaysWhenNoneDoes() {
        read(attached(ReceiptFixtures.png(downloads.resolve("first.png"), 40, 60, Color.RED)),
                "Flour Mill Ltd", LocalDate.of(2025, 6, 10), "48.00");
        read(attached(ReceiptFixtures.png(downloads.resolve("second.png"), 50, 60, Color.BLUE)),
                "Hill Dairy", LocalDate.of(2025, 6, 11), "12.00");
        viewModel.refresh();
        assertThat(viewModel.receipts()).hasSize(2);

        viewModel.searchTextProperty().set("dairy");

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactly("second.png");
        viewModel.searchTextProperty().set("bakery");
        assertThat(viewModel.receipts()).isEmpty();
        assertThat(viewModel.emptyTextProperty().get()).isEqualTo("No receipt mentions \u201cbakery\u201d.");
        viewModel.searchTextProperty().set("");
        assertThat(viewModel.receipts()).hasSize(2);
    }

    @Test
    void confirmingMovesOnToTheNextReceiptThatNeedsReview() {
        Receipt first = read(attached(ReceiptFixtures.png(downloads.resolve("first.png"), 40, 60, Color.RED)),
                "Flour Mill Ltd", LocalDate.of(2025, 6, 10), "48.00");
        Receipt second = read(attached(ReceiptFixtures.png(downloads.resolve("second.png"), 50, 60, Color.BLUE)),
                "Hill Dairy", LocalDate.of(2025, 6, 11), "12.00");
        viewModel.refresh();
        viewModel.selectedProperty().set(rowOf(first));

        viewModel.confirmFields();

        assertThat(books.ledger.receipts().find(first.id()).orElseThrow().status()).isEqualTo(ReceiptStatus.COMPLETED);
        assertThat(viewModel.selectedProperty().get().receipt().id()).isEqualTo(second.id());

        viewModel.confirmFields();

        assertThat(viewModel.selectedProperty().get().receipt().id()).as("nothing left to review: it stays")
                .isEqualTo(second.id());
    }

    @Test
    void aReceiptNotReadYetCannotBeConfirmedAndSaysWhy() {
        Receipt receipt = attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf")));
        viewModel.refresh();

        viewModel.selectedProperty().set(rowOf(receipt));

        assertThat(viewModel.reviewableProperty().get()).isFalse();
        assertThat(viewModel.reviewNoteProperty().get()).isEqualTo("A pending receipt is reviewed once it has been read.");
    }

    @Test
    void anotherClientShowsOnlyItsOwnReceipts() {
        attached(ReceiptFixtures.pdf(downloads.resolve("flour.pdf")));
        viewModel.refresh();
        Client other = books.ukClient("Other Ltd");

        viewModel.clientProperty().set(other.id());

        assertThat(viewModel.receipts()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.emptyTextProperty().get()).startsWith("No receipts yet");
        viewModel.clientProperty().set(new app.booksflow.model.id.ClientId(TransactionId.random().value()));
        assertThat(viewModel.messageProperty().get()).isEqualTo("This client is not on this device any more.");
    }

    @Test
    void revealShowsEveryStatusWithoutTheSearchTextAndSelectsTheReceipt() {
        Receipt first = attached(ReceiptFixtures.png(downloads.resolve("first.png"), 40, 60, Color.RED));
        attached(ReceiptFixtures.pdf(downloads.resolve("second.pdf")));
        viewModel.statusFilterProperty().set(viewModel.statusFilters().stream()
                .filter(f -> f.status().equals(Optional.of(ReceiptStatus.FAILED))).findFirst().orElseThrow());
        viewModel.searchTextProperty().set("second");

        viewModel.reveal(first.id());

        assertThat(viewModel.statusFilterProperty().get().status()).isEmpty();
        assertThat(viewModel.searchTextProperty().get()).isEmpty();
        assertThat(viewModel.receipts()).hasSize(2);
        assertThat(viewModel.selectedProperty().get().receipt().id()).isEqualTo(first.id());
    }

    @Test
    void revealingAReceiptDeletedMeanwhileSaysSoAndKeepsTheList() {
        Receipt gone = attached(ReceiptFixtures.pdf(downloads.resolve("gone.pdf")));
        attached(ReceiptFixtures.png(downloads.resolve("kept.png"), 40, 60, Color.RED));
        books.ledger.receipts().delete(gone.id(), USER);

        viewModel.reveal(gone.id());

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactly("kept.png");
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).isEqualTo("That receipt is no longer in this client's books.");
    }

    @Test
    void readingTheListAgainKeepsTheRowsThatShowTheSameAndTheSelection() {
        Receipt kept = attached(ReceiptFixtures.png(downloads.resolve("kept.png"), 40, 60, Color.RED));
        Receipt changed = attached(ReceiptFixtures.pdf(downloads.resolve("changed.pdf")));
        viewModel.refresh();
        ReceiptRow keptRow = rowOf(kept);
        ReceiptRow changedRow = rowOf(changed);
        viewModel.selectedProperty().set(keptRow);
        List<ReceiptRow> selections = new ArrayList<>();
        viewModel.selectedProperty().addListener((property, before, now) -> selections.add(now));

        read(changed, "Flour Mill Ltd", LocalDate.of(2025, 6, 10), "48.00");
        Receipt added = attached(ReceiptFixtures.png(downloads.resolve("added.png"), 40, 60, Color.GREEN));
        viewModel.refresh();

        assertThat(viewModel.receipts()).extracting(ReceiptRow::name).containsExactly("added.png", "changed.pdf", "kept.png");
        assertThat(rowOf(kept)).isSameAs(keptRow);
        assertThat(rowOf(changed)).isNotSameAs(changedRow);
        assertThat(rowOf(changed).status()).isEqualTo("Needs review");
        assertThat(rowOf(added).name()).isEqualTo("added.png");
        assertThat(viewModel.selectedProperty().get()).isSameAs(keptRow);
        assertThat(selections).as("the selected receipt was not opened again").isEmpty();
    }
}
