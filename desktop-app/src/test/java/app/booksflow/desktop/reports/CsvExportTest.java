package app.booksflow.desktop.reports;

import static app.booksflow.desktop.reports.export.Cell.amount;
import static app.booksflow.desktop.reports.export.Cell.text;
import static app.booksflow.desktop.support.TestBooks.gbp;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.reports.export.Cell;
import app.booksflow.desktop.reports.export.CsvExport;
import app.booksflow.desktop.reports.export.ReportTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static String csv(List<List<Cell>> rows) {
        return CsvExport.toCsv(new ReportTable("T", "C", "P", List.of("Name", "Amount"), rows, List.of()));
    }

    private static String line(Cell name, Cell value) {
        String csv = csv(List.of(List.of(name, value)));
        return csv.substring(csv.indexOf("\r\n") + 2);
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180() {
        assertThat(line(text("Smith, Jones & Co"), amount(gbp("1.00")))).isEqualTo("\"Smith, Jones & Co\",1.00\r\n");
        assertThat(line(text("The \"best\" bakery"), amount(gbp("1.00")))).isEqualTo("\"The \"\"best\"\" bakery\",1.00\r\n");
        assertThat(line(text("two\nlines"), amount(gbp("1.00")))).isEqualTo("\"two\nlines\",1.00\r\n");
        assertThat(line(text("plain"), amount(gbp("1.00")))).isEqualTo("plain,1.00\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        assertThat(line(text("=SUM(A1)"), amount(gbp("0.00")))).isEqualTo("'=SUM(A1),0.00\r\n");
        assertThat(line(text("+1"), amount(gbp("0.00")))).isEqualTo("'+1,0.00\r\n");
        assertThat(line(text("-2 text"), amount(gbp("0.00")))).isEqualTo("'-2 text,0.00\r\n");
        assertThat(line(text("@cmd"), amount(gbp("0.00")))).isEqualTo("'@cmd,0.00\r\n");
        assertThat(line(text("\tx"), amount(gbp("0.00")))).isEqualTo("'\tx,0.00\r\n");
        assertThat(line(text("\rx"), amount(gbp("0.00")))).isEqualTo("\"'\rx\",0.00\r\n");
        assertThat(line(text("=1,2"), amount(gbp("0.00")))).isEqualTo("\"'=1,2\",0.00\r\n");
    }

    @Test
    void aNegativeAmountStaysAPlainNumber() {
        assertThat(line(text("Refund"), amount(gbp("-1234567.50")))).isEqualTo("Refund,-1234567.50\r\n");
    }

    @Test
    void writesTheHeaderThenRowsThenTotals() {
        String csv = CsvExport.toCsv(new ReportTable("T", "C", "P", List.of("Name", "Amount GBP"),
                List.of(List.of(text("Rent"), amount(gbp("900.00")))),
                List.of(List.of(text("Total"), amount(gbp("900.00"))))));

        assertThat(csv).isEqualTo("Name,Amount GBP\r\nRent,900.00\r\nTotal,900.00\r\n");
    }
}
