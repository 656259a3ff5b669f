package app.booksflow.testdata.receipts;

import java.util.List;

/**
 * The type a receipt is printed in.
 *
 * @param family       a Java logical font (SansSerif, Serif, Monospaced, Dialog, DialogInput), a DejaVu
 *                     family, or for digital PDFs the standard 14 font (Helvetica, Times-Roman, Courier).
 *                     In a truth it is the family really drawn with: Dialog where a DejaVu family is not
 *                     installed (the condensed one comes with fonts-dejavu-extra, not -core)
 * @param sizePoints   the body size in points; headings are larger
 * @param boldHeadings whether the vendor name and the total are bold
 */
public record ReceiptFont(String family, float sizePoints, boolean boldHeadings) {

    /** The families pictures are drawn with: Java's logical fonts and the DejaVu fonts of fonts-dejavu-core. */
    public static final List<String> PICTURE_FAMILIES = List.of("Monospaced", "SansSerif", "Serif", "Dialog",
            "DialogInput", "DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif", "DejaVu Sans Condensed");

    public boolean isMonospaced() {
        return family.contains("Mono") || family.equals("DialogInput") || family.equals("Courier");
    }

    public boolean isSerif() {
        return family.contains("Serif") && !family.contains("Sans") || family.startsWith("Times");
    }
}
