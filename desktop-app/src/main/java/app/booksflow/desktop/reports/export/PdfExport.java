package app.booksflow.desktop.reports.export;

import app.booksflow.model.money.MoneyFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes a report table as an A4 PDF: title, client and period, then the table with its header
 * repeated on every page and the totals in bold under a rule. Tables of more than five columns go
 * landscape. Text is drawn in the computer's Unicode fonts, embedded as subsets, with Helvetica as
 * the last resort (see {@link PdfFonts}).
 */
public final class PdfExport {

    private static final float MARGIN = 48;
    private static final float SIZE = 9;
    private static final float LEADING = 14;
    private static final float GAP = 8;

    private final MoneyFormat format;

    /** Amounts formatted the way the user reads them (grouping and decimal mark of the locale). */
    public PdfExport(MoneyFormat format) {
        this.format = format;
    }

    public void write(ReportTable table, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            new Layout(document, table).draw();
            document.save(out);
        }
    }

    private final class Layout {
        private final PDDocument document;
        private final ReportTable table;
        private final PdfText regularText;
        private final PdfText boldText;
        private final PDRectangle pageSize;
        private final boolean[] numeric;
        private final float[] widths;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Layout(PDDocument document, ReportTable table) {
            this.document = document;
            this.table = table;
            this.regularText = new PdfText(PdfFonts.chain(document, false));
            this.boldText = new PdfText(PdfFonts.chain(document, true));
            int columns = table.headers().size();
            this.pageSize = columns > 5
                    ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            this.numeric = new boolean[columns];
            this.widths = new float[columns];
            measure();
        }

        void draw() throws IOException {
            newPage();
            for (List<Cell> row : table.rows()) {
                ensureRoom();
                drawRow(row, regularText);
            }
            ensureRoom();
            y -= 4;
            content.moveTo(MARGIN, y + LEADING - 2);
            content.lineTo(pageSize.getWidth() - MARGIN, y + LEADING - 2);
            content.stroke();
            for (List<Cell> row : table.totals()) {
                ensureRoom();
                drawRow(row, boldText);
            }
            content.close();
        }

        // Amount columns get what their widest figure needs; text columns share the rest by their content.
        private void measure() {
            List<List<Cell>> all = new ArrayList<>(table.rows());
            all.addAll(table.totals());
            float[] wanted = new float[widths.length];
            for (int i = 0; i < widths.length; i++) {
                wanted[i] = boldText.width(table.headers().get(i), SIZE);
            }
            for (List<Cell> row : all) {
                for (int i = 0; i < row.size(); i++) {
                    numeric[i] |= row.get(i) instanceof Cell.Amount;
                    wanted[i] = Math.max(wanted[i], boldText.width(text(row.get(i)), SIZE));
                }
            }
            float available = pageSize.getWidth() - 2 * MARGIN - GAP * (widths.length - 1);
            float fixed = 0;
            float flexible = 0;
            for (int i = 0; i < widths.length; i++) {
                if (numeric[i]) {
                    widths[i] = wanted[i];
                    fixed += wanted[i];
                } else {
                    flexible += Math.max(wanted[i], 1);
                }
            }
            float room = Math.max(available - fixed, 0);
            for (int i = 0; i < widths.length; i++) {
                if (!numeric[i]) {
                    widths[i] = Math.min(Math.max(wanted[i], 1), room * Math.max(wanted[i], 1) / flexible);
                }
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            pages++;
            content = new PDPageContentStream(document, page);
            y = pageSize.getHeight() - MARGIN;
            if (pages == 1) {
                line(boldText, 16, MARGIN, table.title());
                y -= 22;
                line(regularText, 10, MARGIN, table.client());
                y -= 14;
                line(regularText, 10, MARGIN, table.period());
                y -= 24;
            }
            line(regularText, 8, MARGIN, "Page " + pages);
            y -= LEADING;
            drawRow(table.headers().stream().<Cell>map(Cell::text).toList(), boldText);
        }

        private void ensureRoom() throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
        }

        private void drawRow(List<Cell> row, PdfText text) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < row.size(); i++) {
                String shown = text.fit(text(row.get(i)), SIZE, widths[i]);
                float at = numeric[i] ? x + widths[i] - text.width(shown, SIZE) : x;
                line(text, SIZE, at, shown);
                x += widths[i] + GAP;
            }
            y -= LEADING;
        }

        private void line(PdfText text, float size, float x, String value) throws IOException {
            content.beginText();
            content.newLineAtOffset(x, y);
            for (PdfText.Run run : text.runs(value)) {
                content.setFont(run.font(), size);
                content.showText(run.text());
            }
            content.endText();
        }

        private String text(Cell cell) {
            return switch (cell) {
                case Cell.Amount amount -> format.formatAmount(amount.amount());
                case Cell.Text value -> value.text();
            };
        }
    }
}
