package app.booksflow.desktop.dashboard;

import static app.booksflow.desktop.support.TestBooks.USER;
import static app.booksflow.desktop.support.TestBooks.gbp;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("Hill Street Bakery");
        var transactions = books.ledger.transactions();
        transactions.create(books.sale(client, LocalDate.of(2025, 5, 2), "240.00"), USER);
        transactions.create(books.purchase(client, LocalDate.of(2025, 5, 20), "50.00", "6100"), USER);
        transactions.create(books.sale(client, LocalDate.of(2025, 6, 1), "120.00"), USER);
        transactions.create(books.purchase(client, LocalDate.of(2025, 6, 14), "900.00", "6000"), USER);
        transactions.create(books.purchase(client, LocalDate.of(2025, 6, 15), "30.00", "6100"), USER);
        // After today: not part of this month so far.
        transactions.create(books.purchase(client, LocalDate.of(2025, 6, 16), "5.00", "6100"), USER);
        transactions.create(books.sale(client, LocalDate.of(2024, 6, 30), "12.00"), USER);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void comparesThisMonthSoFarWithTheWholeOfLastMonth() {
        MonthComparison comparison = books.dashboards.monthComparison(client.id(), TODAY);

        assertThat(comparison.month()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(comparison.thisMonth()).isEqualTo(new PeriodFigures(gbp("100.00"), gbp("930.00"), 3));
        assertThat(comparison.thisMonth().profit()).isEqualTo(gbp("-830.00"));
        assertThat(comparison.lastMonth()).isEqualTo(new PeriodFigures(gbp("200.00"), gbp("50.00"), 2));
    }

    @Test
    void theTwelveMonthSeriesEndsWithThisMonthAndFillsEmptyMonthsWithZero() {
        List<MonthTotals> months = books.dashboards.incomeVsExpenses(client.id(), TODAY, 12);

        assertThat(months).hasSize(12);
        assertThat(months.get(0)).isEqualTo(new MonthTotals(YearMonth.of(2024, 7), gbp("0.00"), gbp("0.00")));
        assertThat(months.get(10)).isEqualTo(new MonthTotals(YearMonth.of(2025, 5), gbp("200.00"), gbp("50.00")));
        assertThat(months.get(11)).isEqualTo(new MonthTotals(YearMonth.of(2025, 6), gbp("100.00"), gbp("935.00")));
    }

    @Test
    void expensesByCategoryAreTheExpenseAccountsOfThePeriodLargestFirst() {
        List<CategoryTotal> categories =
                books.dashboards.expensesByCategory(client.id(), LocalDate.of(2025, 5, 1), TODAY);

        assertThat(categories).extracting(c -> c.account().code(), CategoryTotal::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("6000", gbp("900.00")),
                        org.assertj.core.groups.Tuple.tuple("6100", gbp("80.00")));
        assertThat(categories.get(0).account().name()).isEqualTo("Rent");
    }

    @Test
    void theWholeScreenComesInOneRead() {
        Dashboard dashboard = books.dashboards.dashboard(client.id(), TODAY, 3);

        assertThat(dashboard.client()).isEqualTo(client);
        assertThat(dashboard.month().thisMonth().income()).isEqualTo(gbp("100.00"));
        assertThat(dashboard.lastTwelveMonths()).hasSize(12);
        assertThat(dashboard.expensesThisMonth()).extracting(c -> c.account().code()).containsExactly("6000", "6100");
        assertThat(dashboard.recentActivity()).hasSize(3);
        assertThat(dashboard.receipts().byStatus()).isEmpty();
        assertThat(dashboard.receipts().accuracyPercent()).isEmpty();
        assertThat(dashboard.receipts().averageProcessingTime()).isEmpty();
    }
}
