package app.booksflow.desktop.gui.reports;

import java.util.List;

/**
 * One line of the shown report, its cells already formatted for the screen.
 *
 * @param total a totals line, set apart in the table
 */
public record ReportRow(List<String> cells, boolean total) {

    public ReportRow {
        cells = List.copyOf(cells);
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
