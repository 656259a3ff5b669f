package app.booksflow.desktop.reports.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text drawn with a chain of fonts (see {@link PdfFonts}): each character goes to the first font that
 * has a glyph for it, so a line becomes runs of one font each. A character no font can show becomes
 * '?' rather than aborting the export; controls and line breaks become spaces.
 */
final class PdfText {

    /** A stretch of text in one font. */
    record Run(PDFont font, String text) {
    }

    private final List<Supplier<PDFont>> fonts;
    private final Map<Integer, Integer> fontOf = new HashMap<>();

    PdfText(List<Supplier<PDFont>> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    /** The text as runs; '?' where no font has the character. */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int c : text.codePoints().toArray()) {
            int shown = Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c;
            int font = fontOf.computeIfAbsent(shown, this::firstFontFor);
            if (font < 0) {
                shown = '?';
                font = fontOf.computeIfAbsent(shown, this::firstFontFor);
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(fonts.get(currentFont).get(), current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(shown);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(fonts.get(currentFont).get(), current.toString()));
        }
        return runs;
    }

    float width(String text, float size) {
        float width = 0;
        for (Run run : runs(text)) {
            try {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return width;
    }

    /** Cuts the text to the width, ending in "..." when something was cut. */
    String fit(String text, float size, float width) {
        if (width(text, size) <= width) {
            return text;
        }
        int[] codePoints = text.codePoints().toArray();
        int length = codePoints.length;
        String cut = text;
        while (length > 0 && width(cut + "...", size) > width) {
            length--;
            cut = new String(codePoints, 0, length);
        }
        return cut + "...";
    }

    private int firstFontFor(int codePoint) {
        String character = new String(Character.toChars(codePoint));
        for (int i = 0; i < fonts.size(); i++) {
            try {
                PDFont font = fonts.get(i).get();
                font.encode(character);
                if (font.getStringWidth(character) > 0 || codePoint == ' ') {
                    return i;
                }
            } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
                // This font has no glyph for it (or could not be read): try the next.
            }
        }
        return -1;
    }
}
