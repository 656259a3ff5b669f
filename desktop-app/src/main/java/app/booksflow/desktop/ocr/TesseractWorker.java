package app.booksflow.desktop.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.OptionalInt;
import net.sourceforge.tess4j.Tesseract;

/**
 * One Tesseract for one thread, kept initialised between pages (loading the language data costs more
 * than reading a small receipt). Never share an instance between threads: Tesseract is not thread-safe
 * and a shared instance brings the whole JVM down.
 */
final class TesseractWorker extends Tesseract {

    /** A page's text and Tesseract's mean word confidence (0-100). */
    record Recognized(String text, OptionalInt confidence) {
    }

    private final Thread owner = Thread.currentThread();
    private boolean ready;

    TesseractWorker(OcrNatives.Installation natives, int dpi) {
        setDatapath(natives.tessdata().toString());
        setLanguage("eng");
        // Images carry no trustworthy resolution; without one Tesseract guesses and warns on every page.
        setVariable("user_defined_dpi", Integer.toString(dpi));
    }

    Recognized recognize(BufferedImage image) throws IOException {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Tesseract instance is used by " + owner.getName() + " only");
        }
        if (!ready) {
            init();
            setVariables();
            ready = true;
        }
        try {
            setImage(image);
            String text = getOCRText("", 1);
            int confidence = getAPI().TessBaseAPIMeanTextConf(getHandle());
            return new Recognized(text == null ? "" : text, confidence >= 0 ? OptionalInt.of(confidence) : OptionalInt.empty());
        } finally {
            getAPI().TessBaseAPIClear(getHandle());
        }
    }

    /** Frees the native engine; called once the owning thread has stopped. */
    void release() {
        if (ready) {
            ready = false;
            dispose();
        }
    }
}
