package app.booksflow.desktop.ocr;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one file on the calling worker thread: checks it, decodes each page and runs Tesseract on it. */
final class FileOcr {

    private static final Logger LOG = LoggerFactory.getLogger(FileOcr.class);

    /** PDFs are rendered at the resolution Tesseract is trained for. */
    static final int PDF_RENDER_DPI = 300;

    /** A PDF page with fewer letters or digits in its text layer is treated as a scan. */
    private static final int MIN_TEXT_LAYER_CHARACTERS = 3;

    private final OcrLimits limits;

    FileOcr(OcrLimits limits) {
        this.limits = limits;
    }

    /** A file we will not read, with the reason in the user's words. */
    private static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    OcrOutcome read(Path file, TesseractWorker tesseract) {
        long start = System.nanoTime();
        try {
            FileKind kind = check(file);
            List<OcrOutcome.PageText> pages = kind == FileKind.PDF ? readPdf(file, tesseract) : readImages(file, kind, tesseract);
            return new OcrOutcome.Read(file, kind, pages, since(start));
        } catch (Refusal refusal) {
            return new OcrOutcome.Refused(file, refusal.getMessage(), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OcrOutcome.Refused(file, "Reading was cancelled.", since(start));
        } catch (OutOfMemoryError e) {
            return new OcrOutcome.Refused(file, "The file is too large to read with the memory available.", since(start));
        } catch (LinkageError e) {
            // The libraries did not load: not this file's fault, and every file will say the same.
            LOG.error("Tesseract could not be loaded", e);
            return new OcrOutcome.Refused(file, "OCR cannot run on this computer: its Tesseract library did not load ("
                    + plain(e) + ").", since(start));
        } catch (IOException | RuntimeException e) {
            LOG.warn("OCR of {} failed", file, e);
            return new OcrOutcome.Refused(file, "The file could not be read (" + plain(e) + ").", since(start));
        }
    }

    private FileKind check(Path file) throws Refusal, IOException {
        if (!Files.exists(file)) {
            throw new Refusal("The file does not exist (any more).");
        }
        if (!Files.isRegularFile(file)) {
            throw new Refusal("This is not a file.");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new Refusal("The file is empty (0 bytes).");
        }
        if (size > limits.maxFileBytes()) {
            throw new Refusal("The file is too large: " + megabytes(size) + " where BooksFlow reads receipts up to "
                    + megabytes(limits.maxFileBytes()) + ".");
        }
        byte[] head = new byte[FileKind.HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new Refusal("The file does not exist (any more).");
        } catch (IOException e) {
            throw new Refusal("The file cannot be opened (" + plain(e) + ").");
        }
        Optional<FileKind> kind = FileKind.detect(head, length);
        if (kind.isEmpty()) {
            throw new Refusal("Not a receipt BooksFlow can read: the content is " + FileKind.describeOther(head, length)
                    + ", whatever its name says. BooksFlow reads JPEG, PNG, TIFF and PDF files.");
        }
        return kind.get();
    }

    private List<OcrOutcome.PageText> readImages(Path file, FileKind kind, TesseractWorker tesseract)
            throws Refusal, IOException, InterruptedException {
        String format = kind.name().toLowerCase(Locale.ROOT);
        String label = kind == FileKind.JPEG ? "JPEG" : kind.name();
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (input == null || !readers.hasNext()) {
                throw new Refusal("This computer's Java cannot read " + label + " pictures.");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(input, false, true);
                int count = kind == FileKind.TIFF ? pageCount(reader) : 1;
                List<OcrOutcome.PageText> pages = new ArrayList<>();
                for (int page = 0; page < count; page++) {
                    stopIfCancelled();
                    checkPixels(reader.getWidth(page), reader.getHeight(page), count > 1 ? page + 1 : 0);
                    BufferedImage image = reader.read(page);
                    if (!warnings.isEmpty()) {
                        throw new Refusal("The " + label + " picture is damaged or incomplete (" + warnings.getFirst()
                                + "). Ask for the file again or scan the receipt again.");
                    }
                    pages.add(ocr(page + 1, image, tesseract));
                }
                return pages;
            } catch (EOFException e) {
                throw new Refusal("The " + label + " picture is incomplete: the file ends too early. "
                        + "Ask for the file again or scan the receipt again.");
            } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new Refusal("The " + label + " picture is damaged and cannot be read (" + plain(e) + ").");
            } finally {
                reader.dispose();
            }
        }
    }

    private int pageCount(ImageReader reader) throws IOException, Refusal {
        // Counting walks the page directory only; stop early on an endless chain of pages.
        int count = 0;
        while (true) {
            try {
                reader.getWidth(count);
            } catch (IndexOutOfBoundsException e) {
                break;
            }
            count++;
            if (count > limits.maxPages()) {
                throw new Refusal("The TIFF file has more than " + limits.maxPages() + " pages; split it into smaller files.");
            }
        }
        if (count == 0) {
            throw new Refusal("The TIFF file has no pages.");
        }
        return count;
    }

    private List<OcrOutcome.PageText> readPdf(Path file, TesseractWorker tesseract)
            throws Refusal, IOException, InterruptedException {
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new Refusal("The PDF is protected by a password. Ask the sender for a copy without a password, "
                    + "or open it, print it to a new PDF and import that.");
        } catch (IOException e) {
            throw new Refusal("The PDF is damaged and cannot be opened (" + plain(e) + ").");
        }
        try (document) {
            int count = document.getNumberOfPages();
            if (count == 0) {
                throw new Refusal("The PDF has no pages.");
            }
            if (count > limits.maxPages()) {
                throw new Refusal("The PDF has " + count + " pages, more than the " + limits.maxPages()
                        + " BooksFlow reads in one file; split it into smaller files.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = new PDFRenderer(document);
            List<OcrOutcome.PageText> pages = new ArrayList<>();
            for (int page = 0; page < count; page++) {
                stopIfCancelled();
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                String text = stripper.getText(document);
                if (text.codePoints().filter(Character::isLetterOrDigit).count() >= MIN_TEXT_LAYER_CHARACTERS) {
                    pages.add(new OcrOutcome.PageText(page + 1, text, true, OptionalInt.empty()));
                    continue;
                }
                PDRectangle box = document.getPage(page).getCropBox();
                checkPixels(Math.round(box.getWidth() / 72 * PDF_RENDER_DPI), Math.round(box.getHeight() / 72 * PDF_RENDER_DPI),
                        page + 1);
                BufferedImage image = renderer.renderImageWithDPI(page, PDF_RENDER_DPI, ImageType.GRAY);
                pages.add(ocr(page + 1, image, tesseract));
            }
            return pages;
        }
    }

    private void checkPixels(long width, long height, int page) throws Refusal {
        String where = page > 0 ? "Page " + page + " is" : "The picture is";
        if (width <= 0 || height <= 0) {
            throw new Refusal(where + " empty (no pixels).");
        }
        if (width > limits.maxPageSide() || height > limits.maxPageSide() || width * height > limits.maxPagePixels()) {
            throw new Refusal(where + " far too large to be a receipt (" + width + " x " + height + " pixels; the limit is "
                    + limits.maxPagePixels() / 1_000_000 + " megapixels and " + limits.maxPageSide()
                    + " pixels a side). Scan or photograph it again at a normal resolution.");
        }
    }

    private static OcrOutcome.PageText ocr(int number, BufferedImage image, TesseractWorker tesseract) throws IOException {
        TesseractWorker.Recognized recognized = tesseract.recognize(image);
        return new OcrOutcome.PageText(number, recognized.text(), false, recognized.confidence());
    }

    private static void stopIfCancelled() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String plain(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
