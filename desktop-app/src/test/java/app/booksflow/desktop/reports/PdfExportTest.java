package app.booksflow.desktop.reports;

import static app.booksflow.desktop.reports.export.Cell.amount;
import static app.booksflow.desktop.reports.export.Cell.text;
import static app.booksflow.desktop.support.TestBooks.USER;
import static app.booksflow.desktop.support.TestBooks.gbp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.booksflow.desktop.reports.export.Cell;
import app.booksflow.desktop.reports.export.PdfExport;
import app.booksflow.desktop.reports.export.ReportTable;
import app.booksflow.desktop.reports.export.ReportTables;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.money.MoneyFormat;
import app.booksflow.model.practice.Client;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfExportTest {

    private final PdfExport pdf = new PdfExport(MoneyFormat.of(Locale.UK));

    @TempDir
    Path dir;

    @Test
    void aProfitAndLossPdfOpensAndShowsTitleClientPeriodAndTotals() throws IOException {
        ReportTable table;
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Hill Street Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 2), "1240.00"), USER);
            books.ledger.transactions().create(books.purchase(client, LocalDate.of(2025, 5, 3), "900.00", "6000"), USER);
            table = ReportTables.of(new Reports(books.store).profitAndLoss(client.id(),
                    new ReportPeriod(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))));
        }

        byte[] bytes = write(table);

        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = extracted(bytes, 1);
        assertThat(text).contains("Profit and loss", "Hill Street Bakery", "2025-05-01 to 2025-05-31",
                "Total income", "1,033.33", "Total expenses", "900.00", "Net profit", "133.33");
    }

    @Test
    void japaneseGreekAndCyrillicAreDrawnInTheComputersUnicodeFontsAndTheRestBecomesAQuestionMark() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
                && Files.isReadable(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")),
                "needs the DejaVu and Droid fallback fonts of Debian's fonts-dejavu-core and fonts-droid-fallback");
        String unassigned = new String(Character.toChars(0x10FFFD));
        ReportTable table = new ReportTable("Expenses by category", "Café Tokyo", "2025",
                List.of("Account", "Amount"),
                List.of(List.of(text("Café supplies"), amount(gbp("12.50"))),
                        List.of(text("東京商事 Ελλάδα Москва"), amount(gbp("-3.00"))),
                        List.of(text("Line\nbreak " + unassigned + " end"), amount(gbp("0.00")))),
                List.of(List.of(text("Total"), amount(gbp("9.50")))));

        byte[] bytes = write(table);

        String text = extracted(bytes, 1);
        assertThat(text).contains("Café Tokyo", "Café supplies", "東京商事", "Ελλάδα", "Москва", "-3.00", "9.50",
                "Line break ? end");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<String> fonts = new ArrayList<>();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).as("subsets embedded, named by the PDF convention ABCDEF+Name")
                    .anySatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+DejaVuSans.*"))
                    .anySatisfy(font -> assertThat(font).matches("[A-Z]{6}\\+DroidSansFallback.*"));
        }
        assertThat(bytes.length).as("subsets, not whole fonts").isLessThan(200_000);
    }

    @Test
    void aLongTableContinuesOnMorePagesWithItsTotalsAtTheEnd() throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(List.of(text("Line " + i), amount(gbp("1.00"))));
        }
        ReportTable table = new ReportTable("Long", "Client", "2025", List.of("Account", "Amount"), rows,
                List.of(List.of(text("Total"), amount(gbp("150.00")))));

        byte[] bytes = write(table);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
        }
        assertThat(extracted(bytes, 3)).contains("Line 149", "Total", "150.00");
    }

    private byte[] write(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(table, out);
        return out.toByteArray();
    }

    private static String extracted(byte[] pdf, int pages) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(pages);
            return new PDFTextStripper().getText(document);
        }
    }
}
