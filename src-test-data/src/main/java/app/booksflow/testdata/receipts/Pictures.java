package app.booksflow.testdata.receipts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/** Draws a sheet as a gray picture with Java2D, at a given resolution. */
final class Pictures {

    private static final FontRenderContext MEASURE = new FontRenderContext(new AffineTransform(), true, true);

    private Pictures() {
    }

    /** Java2D fonts of one family, by size and weight. */
    static final class Fonts implements SheetLayout.Metrics {
        private final String family;
        private final Map<Long, Font> cache = new HashMap<>();

        Fonts(String family) {
            this.family = family;
        }

        Font font(double size, boolean bold) {
            long key = Double.doubleToLongBits(size) * 31 + (bold ? 1 : 0);
            return cache.computeIfAbsent(key, k -> new Font(family, bold ? Font.BOLD : Font.PLAIN, 12)
                    .deriveFont((float) size));
        }

        @Override
        public double width(String text, double size, boolean bold) {
            return font(size, bold).getStringBounds(text, MEASURE).getWidth();
        }
    }

    /** The picture, where its lines are, and the family really drawn with (Dialog when the one asked for is not installed). */
    record Painted(BufferedImage image, SheetLayout.Placed placed, double pixelsPerPoint, String family) {
    }

    static Painted paint(Sheet sheet, ReceiptFont font, int dpi) {
        Fonts fonts = new Fonts(font.family());
        SheetLayout.Placed placed = SheetLayout.place(sheet, font, fonts);
        double scale = dpi / 72.0;
        int width = (int) StrictMath.ceil(placed.width() * scale);
        int height = (int) StrictMath.ceil(placed.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setColor(Color.BLACK);
            for (SheetLayout.Text text : placed.texts()) {
                g.setFont(fonts.font(text.size(), text.bold()));
                g.drawString(text.text(), (float) text.x(), (float) text.baseline());
            }
            for (SheetLayout.Rule rule : placed.rules()) {
                g.setStroke(rule.dashed()
                        ? new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f)
                        : new BasicStroke(0.7f));
                g.draw(new Line2D.Double(rule.x1(), rule.y(), rule.x2(), rule.y()));
            }
        } finally {
            g.dispose();
        }
        return new Painted(image, placed, scale, fonts.font(font.sizePoints(), false).getFamily(java.util.Locale.ROOT));
    }
}
