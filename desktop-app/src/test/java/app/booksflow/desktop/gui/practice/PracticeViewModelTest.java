package app.booksflow.desktop.gui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
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

/** The practice list on a real H2 store; the synchronous executor reads it on the test's thread. */
class PracticeViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private final List<ClientId> opened = new ArrayList<>();
    private ObjectProperty<Settings> settings;
    private PracticeViewModel viewModel;
    private int saves;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        books.ukClient("Acorn Joinery");
        books.ukClient("Bramble Florists");
        var transactions = books.ledger.transactions();
        transactions.create(books.sale(bakery, LocalDate.of(2025, 5, 2), "240.00"), TestBooks.USER);
        transactions.create(books.sale(bakery, LocalDate.of(2025, 6, 1), "1440.00"), TestBooks.USER);
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 14), "2500.00", "6000"), TestBooks.USER);
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        viewModel = new PracticeViewModel(books.ledger, books.dashboards, settings, new SynchronousTaskExecutor(),
                books.clock, opened::add);
        viewModel.onSaved(() -> saves++);
        viewModel.refresh();
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void listsEveryClientByNameWithThisMonthsFiguresFormattedForTheLocale() {
        assertThat(viewModel.clients()).extracting(ClientRow::name)
                .containsExactly("Acorn Joinery", "Bramble Florists", "Hill Street Bakery");
        ClientRow row = viewModel.clients().get(2);
        // 1,440.00 gross with 20 % VAT is 1,200.00 income; the purchase carries no tax.
        assertThat(row.income()).isEqualTo("£1,200.00");
        assertThat(row.expenses()).isEqualTo("£2,500.00");
        assertThat(row.profit()).isEqualTo("-£1,300.00");
        assertThat(row.loss()).isTrue();
        assertThat(viewModel.clients().get(0).profit()).isEqualTo("£0.00");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("3 clients");
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void isoCodeDisplayAndAnotherLocaleChangeTheFiguresAtOnce() {
        settings.set(new Settings(dir.resolve("data"), Locale.GERMANY, CurrencyDisplay.ISO_CODE, Optional.empty()));

        ClientRow row = viewModel.clients().get(2);
        assertThat(row.income()).isEqualTo("GBP 1.200,00");
        assertThat(row.profit()).isEqualTo("GBP -1.300,00");
    }

    @Test
    void searchFiltersByNameAsTheUserTypesIgnoringCase() {
        viewModel.searchProperty().set("br");

        assertThat(viewModel.clients()).extracting(ClientRow::name).containsExactly("Bramble Florists");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 of 3 clients");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("Bramble Florists");

        viewModel.searchProperty().set("zz");
        assertThat(viewModel.clients()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();

        viewModel.searchProperty().set("  ");
        assertThat(viewModel.clients()).hasSize(3);
    }

    @Test
    void openingTheSelectedClientHandsItsIdOn() {
        viewModel.searchProperty().set("hill");
        viewModel.openSelected();

        assertThat(opened).containsExactly(bakery.id());
    }

    @Test
    void aNewClientIsTakenOnListedAndSelectedWithTheLocalesCurrency() {
        NewClientForm form = viewModel.startNewClient();
        assertThat(form.currencyProperty().get()).isEqualTo("GBP");
        assertThat(form.countryProperty().get()).isEqualTo("GB");
        form.nameProperty().set("  Cedar Dental Practice ");
        form.fiscalYearStartProperty().set(Month.APRIL);

        viewModel.createClient();

        assertThat(viewModel.addingClientProperty().get()).isFalse();
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("Cedar Dental Practice");
        assertThat(viewModel.clients()).extracting(ClientRow::name).contains("Cedar Dental Practice").hasSize(4);
        assertThat(viewModel.statusProperty().get()).startsWith("Took on Cedar Dental Practice");
        Client stored = books.ledger.clients().find(viewModel.selectedProperty().get().id()).orElseThrow();
        assertThat(stored.fiscalYearStart()).isEqualTo(MonthDay.of(4, 1));
        assertThat(stored.baseCurrency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(saves).isEqualTo(1);
    }

    @Test
    void badFieldsAreRefusedNextToEachFieldAndNothingIsCreated() {
        NewClientForm form = viewModel.startNewClient();
        form.nameProperty().set("   ");
        form.currencyProperty().set("XAU");
        form.countryProperty().set("Britain");

        viewModel.createClient();

        assertThat(form.nameErrorProperty().get()).isEqualTo("Enter the client's name.");
        assertThat(form.currencyErrorProperty().get()).contains("XAU");
        assertThat(form.countryErrorProperty().get()).contains("two-letter");
        assertThat(viewModel.addingClientProperty().get()).isTrue();
        assertThat(books.ledger.clients().list()).hasSize(3);

        form.currencyProperty().set("eur");
        assertThat(form.currencyErrorProperty().get()).as("typing clears the field's message").isEmpty();
        form.nameProperty().set("x".repeat(201));
        form.countryProperty().set("de");
        viewModel.createClient();
        assertThat(form.nameErrorProperty().get()).contains("200");
        assertThat(books.ledger.clients().list()).hasSize(3);
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFormKeepsWhatWasTyped() {
        NewClientForm form = viewModel.startNewClient();
        form.nameProperty().set("hill street bakery");

        viewModel.createClient();

        assertThat(form.nameErrorProperty().get()).isEqualTo("There is already a client called hill street bakery.");
        assertThat(form.nameProperty().get()).isEqualTo("hill street bakery");
        assertThat(viewModel.addingClientProperty().get()).isTrue();
        assertThat(saves).isZero();
    }

    @Test
    void closingThePeriodLocksTheSelectedClientsBooksAndShowsTheDate() {
        viewModel.searchProperty().set("hill");
        viewModel.closingDateProperty().set(LocalDate.of(2025, 5, 31));

        viewModel.closePeriod();

        assertThat(books.closingDate(bakery.id())).contains(LocalDate.of(2025, 5, 31));
        ClientRow row = viewModel.selectedProperty().get();
        assertThat(row.id()).isEqualTo(bakery.id());
        assertThat(row.closedUpTo()).isEqualTo("31 May 2025");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The books of Hill Street Bakery are closed up to 31 May 2025.");
        assertThat(viewModel.closingDateProperty().get()).isEqualTo(LocalDate.of(2025, 5, 31));

        viewModel.reopenAll();
        assertThat(books.closingDate(bakery.id())).isEmpty();
        assertThat(viewModel.selectedProperty().get().closedUpTo()).isEmpty();
        assertThat(saves).isEqualTo(2);
    }

    @Test
    void closingWithoutADateOrOverADraftIsRefusedNextToTheDate() {
        viewModel.searchProperty().set("hill");
        viewModel.closingDateProperty().set(null);
        viewModel.closePeriod();
        assertThat(viewModel.closingErrorProperty().get()).isEqualTo("Choose the last day of the period to close.");

        books.ledger.transactions().create(TestBooks.draft(books.sale(bakery, LocalDate.of(2025, 6, 3), "12.00")),
                TestBooks.USER);
        viewModel.closingDateProperty().set(LocalDate.of(2025, 6, 30));
        viewModel.closePeriod();

        assertThat(viewModel.closingErrorProperty().get()).startsWith("1 draft transaction is dated on or before 2025-06-30");
        assertThat(books.closingDate(bakery.id())).isEmpty();
        assertThat(saves).isZero();
    }
}
