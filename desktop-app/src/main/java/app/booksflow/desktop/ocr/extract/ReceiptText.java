package app.booksflow.desktop.ocr.extract;

import app.booksflow.desktop.ocr.OcrOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The text read from a receipt and, when it came from OCR rather than a PDF's own text, Tesseract's
 * mean word confidence (0-100), which caps how sure extraction can be.
 */
public record ReceiptText(String text, OptionalDouble ocrConfidence) {

    public ReceiptText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ocrConfidence, "ocrConfidence");
    }

    public static ReceiptText of(String text) {
        return new ReceiptText(text, OptionalDouble.empty());
    }

    public static ReceiptText of(OcrOutcome.Read read) {
        return new ReceiptText(read.text(), read.meanConfidence());
    }

    /** The non-blank lines, stripped, pages one after the other. */
    List<String> lines() {
        return Arrays.stream(text.split("\\R|\f")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
