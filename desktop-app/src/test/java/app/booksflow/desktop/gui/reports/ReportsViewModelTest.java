package app.booksflow.desktop.gui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.reports.Reports;
import app.booksflow.desktop.reports.export.ExportFormat;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.ledger.NewClient;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.practice.Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Today" is 15 June 2025 (TestBooks' clock): this year's P&L holds a May and a June sale and a June purchase. */
class ReportsViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client client;
    private SimpleObjectProperty<Settings> settings;
    private ReportsViewModel viewModel;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("data"));
        client = books.ukClient("Hartley Joinery Ltd");
        books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 10), "240.00"), TestBooks.USER);
        books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 2), "120.00"), TestBooks.USER);
        books.ledger.transactions().create(books.purchase(client, LocalDate.of(2025, 6, 3), "50.00", "6000"), TestBooks.USER);
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty()));
        viewModel = new ReportsViewModel(new Reports(books.store), settings, new SynchronousTaskExecutor(), books.clock);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void withoutAClientItAsksForOne() {
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.tableProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get()).contains("Open a client");
    }

    @Test
    void profitAndLossForThisYearShowsItsAccountsAndTotalsFormattedForTheUser() {
        viewModel.clientProperty().set(client.id());

        assertThat(viewModel.presetProperty().get()).isEqualTo(PeriodPreset.THIS_YEAR);
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(viewModel.toProperty().get()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(viewModel.headingProperty().get()).isEqualTo("Profit and loss · Hartley Joinery Ltd · 2025-01-01 to 2025-12-31");
        assertThat(viewModel.rows()).filteredOn(row -> !row.total()).extracting(row -> row.cell(1), row -> row.cell(3))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("4000", "£300.00"),
                        org.assertj.core.groups.Tuple.tuple("6000", "£50.00"));
        assertThat(viewModel.rows()).filteredOn(ReportRow::total).extracting(ReportRow::cells).containsExactly(
                List.of("Total income", "", "", "£300.00"),
                List.of("Total expenses", "", "", "£50.00"),
                List.of("Net profit", "", "", "£250.00"));
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void lastMonthCoversMayOnly() {
        viewModel.clientProperty().set(client.id());

        viewModel.presetProperty().set(PeriodPreset.LAST_MONTH);

        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(viewModel.toProperty().get()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(viewModel.rows().get(viewModel.rows().size() - 1).cells()).containsExactly("Net profit", "", "", "£200.00");
    }

    @Test
    void presetsAreCalendarPeriodsAroundToday() {
        LocalDate today = LocalDate.of(2025, 2, 14);

        assertThat(PeriodPreset.THIS_MONTH.period(today).orElseThrow().toString()).isEqualTo("2025-02-01 to 2025-02-28");
        assertThat(PeriodPreset.LAST_MONTH.period(today).orElseThrow().toString()).isEqualTo("2025-01-01 to 2025-01-31");
        assertThat(PeriodPreset.THIS_QUARTER.period(today).orElseThrow().toString()).isEqualTo("2025-01-01 to 2025-03-31");
        assertThat(PeriodPreset.THIS_QUARTER.period(LocalDate.of(2025, 12, 31)).orElseThrow().toString())
                .isEqualTo("2025-10-01 to 2025-12-31");
        assertThat(PeriodPreset.LAST_YEAR.period(today).orElseThrow().toString()).isEqualTo("2024-01-01 to 2024-12-31");
        assertThat(PeriodPreset.CUSTOM.period(today)).isEmpty();
    }

    @Test
    void financialYearPresetsStartOnTheClientsOwnDay() {
        MonthDay taxYear = MonthDay.of(4, 6);
        LocalDate february = LocalDate.of(2025, 2, 14);

        assertThat(PeriodPreset.THIS_FINANCIAL_YEAR.period(february, taxYear).orElseThrow().toString())
                .isEqualTo("2024-04-06 to 2025-04-05");
        assertThat(PeriodPreset.LAST_FINANCIAL_YEAR.period(february, taxYear).orElseThrow().toString())
                .isEqualTo("2023-04-06 to 2024-04-05");
        assertThat(PeriodPreset.THIS_FINANCIAL_YEAR.period(LocalDate.of(2025, 4, 6), taxYear).orElseThrow().toString())
                .isEqualTo("2025-04-06 to 2026-04-05");
        assertThat(PeriodPreset.THIS_FINANCIAL_YEAR.period(LocalDate.of(2025, 4, 5), taxYear).orElseThrow().toString())
                .isEqualTo("2024-04-06 to 2025-04-05");
        assertThat(PeriodPreset.THIS_FINANCIAL_YEAR.period(february, MonthDay.of(1, 1)).orElseThrow().toString())
                .isEqualTo("2025-01-01 to 2025-12-31");
        // A year starting on 29 February starts on the 28th in other years.
        assertThat(PeriodPreset.THIS_FINANCIAL_YEAR.period(LocalDate.of(2025, 3, 1), MonthDay.of(2, 29)).orElseThrow()
                .toString()).isEqualTo("2025-02-28 to 2026-02-27");
        assertThat(PeriodPreset.THIS_YEAR.period(february, taxYear).orElseThrow().toString())
                .isEqualTo("2025-01-01 to 2025-12-31");
    }

    @Test
    void theFinancialYearFollowsTheShownClient() {
        Client calendarYear = books.ledger.clients().create(new NewClient("Calendar Bakery", Currencies.GBP,
                MonthDay.of(1, 1), "GB"), TestBooks.USER);
        viewModel.clientProperty().set(client.id());

        viewModel.presetProperty().set(PeriodPreset.THIS_FINANCIAL_YEAR);

        // The client's year starts on 1 April; today is 15 June 2025.
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(viewModel.toProperty().get()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(viewModel.rows().get(viewModel.rows().size() - 1).cells()).containsExactly("Net profit", "", "", "£250.00");

        viewModel.presetProperty().set(PeriodPreset.LAST_FINANCIAL_YEAR);
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(viewModel.toProperty().get()).isEqualTo(LocalDate.of(2025, 3, 31));

        viewModel.clientProperty().set(calendarYear.id());

        assertThat(viewModel.presetProperty().get()).isEqualTo(PeriodPreset.LAST_FINANCIAL_YEAR);
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(viewModel.toProperty().get()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(viewModel.headingProperty().get()).isEqualTo("Profit and loss · Calendar Bakery · 2024-01-01 to 2024-12-31");
    }

    @Test
    void editingADateMakesThePeriodCustomAndRereadsTheReport() {
        viewModel.clientProperty().set(client.id());

        viewModel.fromProperty().set(LocalDate.of(2025, 6, 1));

        assertThat(viewModel.presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        assertThat(viewModel.rows().get(viewModel.rows().size() - 1).cells()).containsExactly("Net profit", "", "", "£50.00");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNextToTheDatesAndShowsNoReport() {
        viewModel.clientProperty().set(client.id());

        viewModel.fromProperty().set(LocalDate.of(2025, 7, 1));
        viewModel.toProperty().set(LocalDate.of(2025, 6, 30));

        assertThat(viewModel.periodErrorProperty().get()).isEqualTo("The period cannot end before it starts.");
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.tableProperty().get()).isNull();

        viewModel.fromProperty().set(LocalDate.of(2025, 6, 1));

        assertThat(viewModel.periodErrorProperty().get()).isEmpty();
        assertThat(viewModel.rows()).isNotEmpty();
    }

    @Test
    void aMissingDateIsRefused() {
        viewModel.clientProperty().set(client.id());

        viewModel.toProperty().set(null);

        assertThat(viewModel.periodErrorProperty().get()).isEqualTo("Choose the last day of the period.");
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void trialBalanceIsDrawnUpAsOfADayAndBalances() {
        viewModel.clientProperty().set(client.id());

        viewModel.kindProperty().set(ReportKind.TRIAL_BALANCE);
        viewModel.asOfProperty().set(LocalDate.of(2025, 5, 31));

        assertThat(viewModel.headingProperty().get()).endsWith("As of 2025-05-31");
        ReportRow total = viewModel.rows().get(viewModel.rows().size() - 1);
        assertThat(total.total()).isTrue();
        assertThat(total.cell(2)).isEqualTo(total.cell(3)).isEqualTo("£240.00");
    }

    @Test
    void taxSummaryAndExpensesByCategoryAreShownToo() {
        viewModel.clientProperty().set(client.id());

        viewModel.kindProperty().set(ReportKind.TAX_SUMMARY);
        assertThat(viewModel.tableProperty().get().title()).isEqualTo("Tax summary");
        assertThat(viewModel.rows()).anySatisfy(row -> assertThat(row.cell(0)).isEqualTo("VAT20-S"));

        viewModel.kindProperty().set(ReportKind.EXPENSES_BY_CATEGORY);
        assertThat(viewModel.tableProperty().get().title()).isEqualTo("Expenses by category");
        assertThat(viewModel.rows().get(0).cells()).containsExactly("6000", viewModel.rows().get(0).cell(1), "£50.00", "100.0");
    }

    @Test
    void amountsFollowTheLocaleAndCurrencyDisplayOfTheSettings() {
        viewModel.clientProperty().set(client.id());

        settings.set(new Settings(dir.resolve("data"), Locale.GERMANY, CurrencyDisplay.ISO_CODE, Optional.empty()));

        assertThat(viewModel.rows().get(viewModel.rows().size() - 1).cell(3)).isEqualTo("GBP 250,00");
    }

    @Test
    void csvExportWritesTheWholeReportAndLeavesNoTemporaryFile() throws Exception {
        viewModel.clientProperty().set(client.id());
        Path out = Files.createDirectories(dir.resolve("out"));
        Path file = out.resolve(viewModel.suggestedFileName(ExportFormat.CSV));

        viewModel.export(ExportFormat.CSV, file);

        assertThat(viewModel.exportFailedProperty().get()).isFalse();
        assertThat(viewModel.exportMessageProperty().get()).isEqualTo("Saved " + file);
        assertThat(file.getFileName().toString()).isEqualTo("Profit and loss - Hartley Joinery Ltd - 2025-01-01 to 2025-12-31.csv");
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSection,Code,Account,Amount GBP\r\n").endsWith("Net profit,,,250.00\r\n");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void pdfExportReplacesAnEarlierFile() throws Exception {
        viewModel.clientProperty().set(client.id());
        Path file = Files.writeString(dir.resolve("report.pdf"), "an older report");

        viewModel.export(ExportFormat.PDF, file);

        assertThat(viewModel.exportFailedProperty().get()).isFalse();
        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(viewModel.exportingProperty().get()).isFalse();
    }

    @Test
    void exportToAMissingFolderSaysSoAndWritesNothing() {
        viewModel.clientProperty().set(client.id());
        Path file = dir.resolve("no such folder").resolve("report.csv");

        viewModel.export(ExportFormat.CSV, file);

        assertThat(viewModel.exportFailedProperty().get()).isTrue();
        assertThat(viewModel.exportMessageProperty().get())
                .isEqualTo("The report was not saved: the folder " + file.getParent() + " does not exist.");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void exportWhereTheFolderIsAFileSaysWhyAndKeepsTheFile() throws Exception {
        viewModel.clientProperty().set(client.id());
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "keep me");

        viewModel.export(ExportFormat.PDF, notAFolder.resolve("report.pdf"));

        assertThat(viewModel.exportFailedProperty().get()).isTrue();
        assertThat(viewModel.exportMessageProperty().get()).startsWith("The report was not saved: ").contains(notAFolder.toString());
        assertThat(Files.readString(notAFolder)).isEqualTo("keep me");
    }

    @Test
    void nothingIsExportedWhileNoReportIsShown() {
        Path file = dir.resolve("report.csv");

        viewModel.export(ExportFormat.CSV, file);

        assertThat(file).doesNotExist();
        assertThat(viewModel.exportMessageProperty().get()).isEmpty();
    }

    @Test
    void fileNamesLoseCharactersFileSystemsRefuse() {
        Client odd = books.ukClient("A/B: \"Odd\" <Co>");
        viewModel.clientProperty().set(odd.id());

        assertThat(viewModel.suggestedFileName(ExportFormat.PDF))
                .isEqualTo("Profit and loss - A_B_ _Odd_ _Co_ - 2025-01-01 to 2025-12-31.pdf");
    }
}
