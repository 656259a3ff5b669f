package app.booksflow.testdata.receipts;

import app.booksflow.testdata.receipts.Sheet.Align;
import app.booksflow.testdata.receipts.Sheet.Cell;
import app.booksflow.testdata.receipts.Sheet.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the text of a sheet on paper, in points (1/72 inch), for a given font: the paper widens when
 * a line would not fit, so no text is ever cut off or overlaps. Pictures and digital PDFs use the same
 * placement with their own font metrics.
 */
final class SheetLayout {

    static final double MM = 72 / 25.4;

    /** Widths of text in points, for a font of the given size in points. */
    interface Metrics {
        double width(String text, double size, boolean bold);
    }

    record Text(String text, double x, double baseline, double size, boolean bold) {
    }

    record Rule(double x1, double x2, double y, boolean dashed) {
    }

    /** The placed sheet; {@code lineBottoms} is where each line ends, for cutting a long slip into pages. */
    record Placed(double width, double height, List<Text> texts, List<Rule> rules, List<Double> lineBottoms) {
    }

    private SheetLayout() {
    }

    static Placed place(Sheet sheet, ReceiptFont font, Metrics metrics) {
        double body = font.sizePoints();
        double margin = sheet.marginMm() * MM;
        double paper = sheet.paperWidthMm() * MM - 2 * margin;
        // A heading too wide for the paper is printed smaller, down to the body size; only then does the paper widen.
        List<Line> lines = new ArrayList<>(sheet.lines().size());
        double content = paper;
        for (Line line : sheet.lines()) {
            double needed = needed(line, body, font.boldHeadings(), metrics);
            if (needed > paper && line.scale() > 1) {
                double scale = Math.max(1, line.scale() * paper / needed * 0.98);
                line = new Line(line.cells(), scale, line.bold(), line.rule(), line.dashed());
                needed = needed(line, body, font.boldHeadings(), metrics);
            }
            lines.add(line);
            content = Math.max(content, needed);
        }
        double width = content + 2 * margin;
        List<Text> texts = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Double> bottoms = new ArrayList<>();
        double y = margin;
        for (Line line : lines) {
            double size = body * line.scale();
            if (line.rule()) {
                double height = body * 0.9;
                rules.add(new Rule(margin, margin + content, y + height / 2, line.dashed()));
                y += height;
            } else if (line.isGap()) {
                y += body * 0.7;
            } else {
                double height = size * 1.32;
                double baseline = y + size * 1.02;
                boolean bold = line.bold() && font.boldHeadings();
                for (Cell cell : line.cells()) {
                    double w = metrics.width(cell.text(), size, bold);
                    double anchor = margin + cell.anchor() * content;
                    double x = switch (cell.align()) {
                        case LEFT -> anchor;
                        case RIGHT -> anchor - w;
                        case CENTER -> anchor - w / 2;
                    };
                    texts.add(new Text(cell.text(), x, baseline, size, bold));
                }
                y += height;
            }
            bottoms.add(y);
        }
        double height = Math.max(y + margin, sheet.minHeightMm() * MM);
        return new Placed(width, height, texts, rules, bottoms);
    }

    /** The least printable width at which the line's cells neither overlap nor leave the paper. */
    private static double needed(Line line, double body, boolean boldHeadings, Metrics metrics) {
        double size = body * line.scale();
        boolean bold = line.bold() && boldHeadings;
        double gap = body;
        List<Cell> cells = line.cells();
        double[] before = new double[cells.size()];
        double[] after = new double[cells.size()];
        double need = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            double w = metrics.width(cell.text(), size, bold);
            before[i] = cell.align() == Align.LEFT ? 0 : cell.align() == Align.RIGHT ? w : w / 2;
            after[i] = w - before[i];
            double a = cell.anchor();
            if (before[i] > 0) {
                need = Math.max(need, a > 0 ? before[i] / a : Double.MAX_VALUE);
            }
            if (after[i] > 0) {
                need = Math.max(need, a < 1 ? after[i] / (1 - a) : Double.MAX_VALUE);
            }
        }
        for (int i = 0; i + 1 < cells.size(); i++) {
            double span = cells.get(i + 1).anchor() - cells.get(i).anchor();
            if (span > 0) {
                need = Math.max(need, (after[i] + before[i + 1] + gap) / span);
            }
        }
        if (need == Double.MAX_VALUE) {
            throw new IllegalStateException("a cell cannot fit: " + line);
        }
        return need;
    }
}
