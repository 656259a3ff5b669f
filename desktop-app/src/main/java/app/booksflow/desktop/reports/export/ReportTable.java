package app.booksflow.desktop.reports.export;

import java.util.List;

/**
 * A report laid out for export: one shape for every report, so CSV and PDF are written once. The totals
 * rows come after the body rows and are set apart in the PDF.
 */
public record ReportTable(String title, String client, String period, List<String> headers, List<List<Cell>> rows,
        List<List<Cell>> totals) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows.stream().map(List::copyOf).toList());
        totals = List.copyOf(totals.stream().map(List::copyOf).toList());
        for (List<Cell> row : rows) {
            requireWidth(row, headers.size());
        }
        for (List<Cell> row : totals) {
            requireWidth(row, headers.size());
        }
    }

    private static void requireWidth(List<Cell> row, int width) {
        if (row.size() != width) {
            throw new IllegalArgumentException("A row has " + row.size() + " cells for " + width + " columns");
        }
    }
}
