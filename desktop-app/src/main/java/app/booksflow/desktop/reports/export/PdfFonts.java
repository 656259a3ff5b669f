package app.booksflow.desktop.reports.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts a report's text is drawn in, in order of preference: a Unicode font installed on the
 * computer (embedded as a subset, so the PDF shows the same everywhere), then a CJK fallback, then
 * Helvetica, which needs nothing installed but knows only Latin-1. BooksFlow ships no font files:
 * the operating system's own are used, and a computer without any gets Helvetica and '?' for the rest.
 */
final class PdfFonts {

    /** Font files by the folder layouts of Linux distributions, macOS and Windows. */
    private static final List<String> REGULAR = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "C:\\Windows\\Fonts\\arial.ttf");
    private static final List<String> BOLD = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
            "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
            "C:\\Windows\\Fonts\\arialbd.ttf");
    /** Chinese, Japanese and Korean, which the fonts above lack; there is no bold, so bold text uses it too. */
    private static final List<String> CJK = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "C:\\Windows\\Fonts\\msgothic.ttc");

    private PdfFonts() {
    }

    /** The chain for regular or bold text; fonts are read from disk only when a character needs them. */
    static List<Supplier<PDFont>> chain(PDDocument document, boolean bold) {
        List<Supplier<PDFont>> chain = new ArrayList<>();
        firstExisting(bold ? BOLD : REGULAR).ifPresent(file -> chain.add(lazily(document, file)));
        firstExisting(CJK).filter(file -> file.toString().endsWith(".ttf")).ifPresent(file -> chain.add(lazily(document, file)));
        PDType1Font helvetica = new PDType1Font(bold ? Standard14Fonts.FontName.HELVETICA_BOLD
                : Standard14Fonts.FontName.HELVETICA);
        chain.add(() -> helvetica);
        return chain;
    }

    private static Optional<Path> firstExisting(List<String> candidates) {
        return candidates.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    private static Supplier<PDFont> lazily(PDDocument document, Path file) {
        return new Supplier<>() {
            private PDFont font;

            @Override
            public PDFont get() {
                if (font == null) {
                    try {
                        font = PDType0Font.load(document, file.toFile());
                    } catch (IOException e) {
                        throw new UncheckedIOException("The font " + file + " could not be read", e);
                    }
                }
                return font;
            }
        };
    }
}
