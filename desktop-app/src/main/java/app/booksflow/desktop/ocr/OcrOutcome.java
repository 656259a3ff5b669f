package app.booksflow.desktop.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** What reading one file gave: its text, or the reason it was refused. */
public sealed interface OcrOutcome {

    Path file();

    Duration took();

    /** The text of every page, in order. */
    record Read(Path file, FileKind kind, List<PageText> pages, Duration took) implements OcrOutcome {

        public Read {
            pages = List.copyOf(pages);
        }

        public String text() {
            return pages.stream().map(PageText::text).collect(Collectors.joining("\n\f"));
        }

        /** The mean of Tesseract's page confidences (0-100) over the pages it read; empty when all came from a text layer. */
        public OptionalDouble meanConfidence() {
            return pages.stream().map(PageText::confidence).filter(OptionalInt::isPresent)
                    .mapToInt(OptionalInt::getAsInt).average();
        }
    }

    /** The file was not read; {@code reason} is written for the accountant ("The file is empty."). */
    record Refused(Path file, String reason, Duration took) implements OcrOutcome {
    }

    /**
     * One page's text.
     *
     * @param number     1-based
     * @param fromTextLayer true when a PDF page's own text was used (no OCR, no confidence)
     * @param confidence Tesseract's mean word confidence, 0-100
     */
    record PageText(int number, String text, boolean fromTextLayer, OptionalInt confidence) {
    }
}
