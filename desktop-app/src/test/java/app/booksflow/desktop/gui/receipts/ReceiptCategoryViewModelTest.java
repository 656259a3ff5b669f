package app.booksflow.desktop.gui.receipts;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ocr.extract.VendorRule;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.ReceiptFixtures;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt's Category in review, and Post to ledger, on a real H2 store with the synchronous executor. */
class ReceiptCategoryViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private ReceiptsViewModel viewModel;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        viewModel = new ReceiptsViewModel(books.ledger, new SimpleObjectProperty<>(new Settings(dir.resolve("data"),
                Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty())), new SynchronousTaskExecutor(), books.clock, USER);
        viewModel.clientProperty().set(bakery.id());
    }

    @AfterEach
    void close() {
        books.close();
    }

    private Receipt read(String name, String vendor, LocalDate date, String total, String tax) {
        Receipt receipt = books.ledger.receipts().attach(bakery.id(),
                ReceiptFixtures.pdf(dir.resolve("downloads").resolve(name)), USER);
        ExtractedFields fields = new ExtractedFields(Optional.of(Extracted.of(vendor, 72)),
                Optional.of(Extracted.of(date, 91)), Optional.of(Extracted.of(Money.of(total, "GBP"), 64)),
                Optional.ofNullable(tax).map(t -> Extracted.of(Money.of(t, "GBP"), 70)), Optional.empty());
        return books.ledger.receipts().recordReading(receipt.id(), fields, true, USER);
    }

    private void select(Receipt receipt) {
        viewModel.refresh();
        viewModel.selectedProperty().set(viewModel.receipts().stream()
                .filter(row -> row.receipt().id().equals(receipt.id())).findFirst().orElseThrow());
    }

    private CategoryChoice choice(String code) {
        return viewModel.form().categories().stream()
                .filter(c -> c.account().map(a -> a.code().equals(code)).orElse(false)).findFirst().orElseThrow();
    }

    @Test
    void theCategoryIsChosenAmongTheClientsAccountsExpensesFirstAndConfirmingTeachesTheVendorRule() {
        Receipt receipt = read("paper.pdf", "Paper Stop Ltd", LocalDate.of(2025, 6, 10), "24.00", null);
        select(receipt);
        ReceiptFieldsForm form = viewModel.form();

        List<CategoryChoice> choices = form.categories();
        assertThat(choices.get(0)).isEqualTo(CategoryChoice.NONE);
        assertThat(choices.get(1).toString()).isEqualTo("5000 Cost of goods sold \u00b7 expense");
        assertThat(choices.stream().skip(1).takeWhile(c -> c.account().orElseThrow().type() == AccountType.EXPENSE)
                .count()).isEqualTo(choices.stream().filter(c -> c.account().map(a -> a.type() == AccountType.EXPENSE)
                .orElse(false)).count());
        assertThat(form.categoryProperty().get()).isEqualTo(CategoryChoice.NONE);

        // Only the category changes: the vendor keeps its name, and the rule learns the account.
        form.categoryProperty().set(choice("6100"));
        viewModel.confirmFields();

        AccountId office = books.account(bakery.id(), "6100");
        assertThat(books.ledger.receipts().category(receipt.id())).contains(office);
        VendorRule rule = books.ledger.vendorRules().find(bakery.id(), "PAPER STOP LTD").orElseThrow();
        assertThat(rule.name()).isEqualTo("Paper Stop Ltd");
        assertThat(rule.account()).contains(office);
        // Vendor, date, total and the currency the form shows from the total, all left as read; the
        // category is no OCR field.
        assertThat(books.dashboards.receipts(bakery.id()).fieldsReviewed()).isEqualTo(4);
        assertThat(books.dashboards.receipts(bakery.id()).fieldsAccepted()).isEqualTo(4);

        select(receipt);
        assertThat(form.categoryProperty().get().id()).contains(office);
        assertThat(viewModel.selectedProperty().get().details()).endsWith("Office supplies");
    }

    @Test
    void postingBooksTheConfirmedReceiptPaidFromTheChosenAccountAndLinksIt() {
        Receipt receipt = read("paper.pdf", "Paper Stop Ltd", LocalDate.of(2025, 6, 10), "24.00", "4.00");
        select(receipt);
        assertThat(viewModel.paidFromProperty().get().code()).isEqualTo("1000");
        assertThat(viewModel.paidFromChoices()).allMatch(a -> a.type() == AccountType.ASSET
                || a.type() == AccountType.LIABILITY);

        viewModel.postSelected();
        assertThat(viewModel.messageProperty().get()).isEqualTo(
                "Receipt paper.pdf is not reviewed yet; confirm its fields before posting it.");

        viewModel.form().categoryProperty().set(choice("6100"));
        viewModel.postSelected();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("The fields or the category were changed: confirm them first (Ctrl+Enter), then post.");

        viewModel.confirmFields();
        select(receipt);
        viewModel.paidFromProperty().set(viewModel.paidFromChoices().stream().filter(a -> a.code().equals("2100"))
                .findFirst().orElseThrow());
        viewModel.postSelected();

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Posted paper.pdf to the ledger, paid from 2100 Credit card.");
        Receipt posted = books.ledger.receipts().find(receipt.id()).orElseThrow();
        Transaction transaction = books.ledger.transactions().find(posted.transaction().orElseThrow()).orElseThrow()
                .transaction();
        assertThat(transaction.payee()).isEqualTo("Paper Stop Ltd");
        assertThat(transaction.bankAccount()).isEqualTo(books.account(bakery.id(), "2100"));
        assertThat(transaction.splits().get(0).account()).isEqualTo(books.account(bakery.id(), "6100"));
        assertThat(transaction.splits().get(0).taxCode()).contains(books.taxCode(bakery.id(), "VAT20-P"));
        assertThat(viewModel.linkedProperty().get()).isTrue();
        assertThat(viewModel.paidFromProperty().get().code()).as("the choice is kept for the next receipt")
                .isEqualTo("2100");
    }

    @Test
    void postingInAClosedPeriodShowsTheLedgersReasonAndWritesNothing() {
        Receipt receipt = read("paper.pdf", "Paper Stop Ltd", LocalDate.of(2025, 3, 10), "24.00", null);
        select(receipt);
        viewModel.form().categoryProperty().set(choice("6100"));
        viewModel.confirmFields();
        books.ledger.clients().changeClosingDate(bakery.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);
        select(receipt);

        viewModel.postSelected();

        assertThat(viewModel.messageProperty().get()).contains("closed up to 2025-03-31");
        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).isEmpty();
        assertThat(books.ledger.transactions().list(bakery.id(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)))
                .isEmpty();
    }
}
