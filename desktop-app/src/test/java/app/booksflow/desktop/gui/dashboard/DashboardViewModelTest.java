package app.booksflow.desktop.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's dashboard on a real H2 store, "today" being 15 June 2025 (the clock of TestBooks). */
class DashboardViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client bakery;
    private DashboardViewModel viewModel;

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        bakery = books.ukClient("Hill Street Bakery");
        var transactions = books.ledger.transactions();
        transactions.create(books.sale(bakery, LocalDate.of(2025, 5, 2), "240.00"), TestBooks.USER);
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 5, 20), "50.00", "6100"), TestBooks.USER);
        transactions.create(books.sale(bakery, LocalDate.of(2025, 6, 1), "120.00"), TestBooks.USER);
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 14), "900.00", "6000"), TestBooks.USER);
        transactions.create(books.purchase(bakery, LocalDate.of(2025, 6, 15), "30.00", "6100"), TestBooks.USER);
        var settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
        viewModel = new DashboardViewModel(books.dashboards, settings, new SynchronousTaskExecutor(), books.clock);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void beforeAClientIsChosenItSaysWhereToChooseOne() {
        assertThat(viewModel.messageProperty().get()).contains("Choose a client");
        assertThat(viewModel.clientNameProperty().get()).isEmpty();
    }

    @Test
    void showsThisMonthAgainstLastMonthFormattedForTheLocale() {
        viewModel.clientProperty().set(bakery.id());

        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(viewModel.clientNameProperty().get()).isEqualTo("Hill Street Bakery");
        assertThat(viewModel.periodProperty().get()).isEqualTo("June 2025 so far, against May");
        assertThat(viewModel.incomeProperty().get()).isEqualTo("£100.00");
        assertThat(viewModel.incomeLastMonthProperty().get()).isEqualTo("last month £200.00");
        assertThat(viewModel.expensesProperty().get()).isEqualTo("£930.00");
        assertThat(viewModel.expensesLastMonthProperty().get()).isEqualTo("last month £50.00");
        assertThat(viewModel.profitProperty().get()).isEqualTo("-£830.00");
        assertThat(viewModel.profitLastMonthProperty().get()).isEqualTo("last month £150.00");
    }

    @Test
    void receiptsSayWhenNothingWasReadYet() {
        viewModel.clientProperty().set(bakery.id());

        assertThat(viewModel.pendingReceiptsProperty().get()).isEqualTo("0");
        assertThat(viewModel.accuracyProperty().get()).isEqualTo("No reviews yet");
        assertThat(viewModel.averageProcessingTimeProperty().get()).isEqualTo("No receipts read yet");
    }

    @Test
    void chartsHoldTwelveMonthsAndThisMonthsExpenseCategories() {
        viewModel.clientProperty().set(bakery.id());

        assertThat(viewModel.monthlyIncome()).hasSize(12);
        assertThat(viewModel.monthlyExpenses()).hasSize(12);
        assertThat(viewModel.monthlyIncome().get(0).label()).isEqualTo("Jul 24");
        assertThat(viewModel.monthlyIncome().get(10)).isEqualTo(new ChartPoint("May 25", 200.0, "£200.00"));
        assertThat(viewModel.monthlyExpenses().get(11)).isEqualTo(new ChartPoint("Jun 25", 930.0, "£930.00"));
        assertThat(viewModel.expensesByCategory()).extracting(ChartPoint::text).containsExactly("£900.00", "£30.00");
        assertThat(viewModel.expensesByCategory().get(0).label()).isEqualTo("6000 Rent");
    }

    @Test
    void recentActivityListsTheLatestChangesNewestFirst() {
        viewModel.clientProperty().set(bakery.id());

        assertThat(viewModel.recentActivity()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(line -> assertThat(line).contains(TestBooks.USER));
    }

    @Test
    void durationsAreShortAndReadable() {
        assertThat(DashboardViewModel.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(DashboardViewModel.duration(Duration.ofMillis(1_250))).isEqualTo("1.3 s");
        assertThat(DashboardViewModel.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    }
}
