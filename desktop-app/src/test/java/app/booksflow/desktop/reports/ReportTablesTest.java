package app.booksflow.desktop.reports;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.reports.export.CsvExport;
import app.booksflow.desktop.reports.export.ReportTables;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTablesTest {

    private static final ReportPeriod MAY = new ReportPeriod(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private Reports reports;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("=HYPERLINK(\"evil\")");
        reports = new Reports(books.store);
        books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 2), "120.00"), USER);
        books.ledger.transactions().create(books.purchase(client, LocalDate.of(2025, 5, 3), "300.00", "6000"), USER);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void profitAndLossCsvKeepsALossNumeric() {
        String csv = CsvExport.toCsv(ReportTables.of(reports.profitAndLoss(client.id(), MAY)));

        assertThat(csv).isEqualTo("""
                Section,Code,Account,Amount GBP\r
                Income,4000,Sales,100.00\r
                Expense,6000,Rent,300.00\r
                Total income,,,100.00\r
                Total expenses,,,300.00\r
                Net profit,,,-200.00\r
                """);
    }

    @Test
    void everyReportBecomesATableWithItsTotals() {
        assertThat(CsvExport.toCsv(ReportTables.of(reports.trialBalance(client.id(), MAY.to()))))
                .startsWith("Code,Account,Debit GBP,Credit GBP\r\n").endsWith("Total,,300.00,300.00\r\n");
        assertThat(CsvExport.toCsv(ReportTables.of(reports.taxSummary(client.id(), MAY))))
                .contains("VAT20-S,").endsWith("Total,,,,20.00,,0.00,20.00\r\n");
        assertThat(CsvExport.toCsv(ReportTables.of(reports.expensesByCategory(client.id(), MAY))))
                .isEqualTo("Code,Account,Amount GBP,Share %\r\n6000,Rent,300.00,100.0\r\nTotal,,300.00,100.0\r\n");
        assertThat(ReportTables.of(reports.profitAndLoss(client.id(), MAY)).client()).isEqualTo("=HYPERLINK(\"evil\")");
    }
}
