package app.booksflow.desktop.reports.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a report table as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled). Only the header and the rows, so that the file
 * imports as one clean table; title, client and period belong in the file name.
 *
 * <p>Payees and account names come from bank feeds and OCR, so a text cell beginning with =, +, -, @,
 * tab or carriage return would run as a formula when the file is opened in a spreadsheet: such cells
 * get a leading single quote. Amounts are written bare ({@code -12.50}), never guarded or quoted, so a
 * negative amount stays a number.
 */
public final class CsvExport {

    private static final String LINE_END = "\r\n";

    private CsvExport() {
    }

    public static void write(ReportTable table, Writer out) throws IOException {
        writeLine(table.headers().stream().<Cell>map(Cell::text).toList(), out);
        for (List<Cell> row : table.rows()) {
            writeLine(row, out);
        }
        for (List<Cell> row : table.totals()) {
            writeLine(row, out);
        }
        out.flush();
    }

    /** More body rows, for a table written in pieces after its header (a long audit trail, page by page). */
    public static void writeRows(List<List<Cell>> rows, Writer out) throws IOException {
        for (List<Cell> row : rows) {
            writeLine(row, out);
        }
    }

    public static String toCsv(ReportTable table) {
        var out = new java.io.StringWriter();
        try {
            write(table, out);
        } catch (IOException e) {
            throw new IllegalStateException("A StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void writeLine(List<Cell> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write(LINE_END);
    }

    static String field(Cell cell) {
        return switch (cell) {
            case Cell.Amount amount -> amount.amount().amount().toPlainString();
            case Cell.Text text -> quoted(guarded(text.text()));
        };
    }

    private static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
