package app.booksflow.testdata.receipts;

import java.util.ArrayList;
import java.util.List;

/**
 * A receipt as lines of text on paper, before it is drawn: the same sheet becomes a picture (Java2D)
 * or a digital PDF (PDFBox), so both show exactly the same text.
 *
 * @param paperWidthMm the width of the paper; a picture or page widens when a line would not fit
 * @param minHeightMm  the least height (an invoice is a whole A4 or Letter page); a slip is as long as its lines
 * @param marginMm     the margin on every side
 */
record Sheet(double paperWidthMm, double minHeightMm, double marginMm, List<Line> lines) {

    enum Align { LEFT, CENTER, RIGHT }

    /** Text at a point across the printable width: {@code anchor} 0 is the left margin, 1 the right. */
    record Cell(String text, double anchor, Align align) {
    }

    /**
     * One line. A rule is drawn as a thin line across the width; a gap is empty space.
     *
     * @param scale the size relative to the body font
     */
    record Line(List<Cell> cells, double scale, boolean bold, boolean rule, boolean dashed) {

        boolean isGap() {
            return cells.isEmpty() && !rule;
        }
    }

    /** Collects the lines of a sheet. */
    static final class Builder {
        private final List<Line> lines = new ArrayList<>();

        Builder center(String text, double scale, boolean bold) {
            lines.add(new Line(List.of(new Cell(text, 0.5, Align.CENTER)), scale, bold, false, false));
            return this;
        }

        Builder center(String text) {
            return center(text, 1.0, false);
        }

        Builder left(String text) {
            return left(text, 1.0, false);
        }

        Builder left(String text, double scale, boolean bold) {
            lines.add(new Line(List.of(new Cell(text, 0, Align.LEFT)), scale, bold, false, false));
            return this;
        }

        Builder pair(String left, String right) {
            return pair(left, right, 1.0, false);
        }

        Builder pair(String left, String right, double scale, boolean bold) {
            lines.add(new Line(List.of(new Cell(left, 0, Align.LEFT), new Cell(right, 1, Align.RIGHT)), scale, bold,
                    false, false));
            return this;
        }

        Builder cells(double scale, boolean bold, Cell... cells) {
            lines.add(new Line(List.of(cells), scale, bold, false, false));
            return this;
        }

        Builder rule(boolean dashed) {
            lines.add(new Line(List.of(), 1.0, false, true, dashed));
            return this;
        }

        Builder gap() {
            lines.add(new Line(List.of(), 0.6, false, false, false));
            return this;
        }

        Sheet build(double paperWidthMm, double minHeightMm, double marginMm) {
            return new Sheet(paperWidthMm, minHeightMm, marginMm, List.copyOf(lines));
        }
    }
}
