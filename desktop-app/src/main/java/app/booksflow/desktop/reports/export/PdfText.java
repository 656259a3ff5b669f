package app.booksflow.desktop.reports.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text a standard 14 font can show. Helvetica carries WinAnsi (Latin-1 and a few more), and PDFBox
 * throws on anything else, so a Japanese payee would abort the whole export: such characters become
 * '?' instead. Embedding a Unicode font would show them, at the cost of shipping one.
 */
final class PdfText {

    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    PdfText(PDFont font) {
        this.font = font;
    }

    String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                safe.append(' ');
            } else if (encodable.computeIfAbsent(c, this::canEncode)) {
                safe.appendCodePoint(c);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    float width(String safeText, float size) {
        try {
            return font.getStringWidth(safeText) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts safe text to the width, ending in "..." when something was cut. */
    String fit(String safeText, float size, float width) {
        if (width(safeText, size) <= width) {
            return safeText;
        }
        String cut = safeText;
        while (!cut.isEmpty() && width(cut + "...", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private boolean canEncode(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
