package app.booksflow.desktop.ocr;

import app.booksflow.desktop.ocr.Preprocessing.Step;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.util.OptionalInt;
import net.sourceforge.tess4j.Tesseract;

/**
 * One Tesseract for one thread, kept initialised between pages (loading the language data costs more
 * than reading a small receipt). Never share an instance between threads: Tesseract is not thread-safe
 * and a shared instance brings the whole JVM down.
 *
 * <p>Each page is prepared first (see {@link Preprocessing}); a page that reads badly is checked for a
 * quarter or half turn by Tesseract's orientation detection and read again upright.
 */
final class TesseractWorker extends Tesseract {

    /** A page's text and Tesseract's mean word confidence (0-100). */
    record Recognized(String text, OptionalInt confidence) {

        int confidenceOrZero() {
            return confidence.orElse(0);
        }
    }

    /** Upright receipts read at 75-95; a page turned sideways or upside down reads under 50. */
    static final int CHECK_ORIENTATION_BELOW = 65;
    /** Orientation detection needs no more than this many pixels on the long side. */
    private static final int ORIENTATION_LONG_SIDE = 1600;

    private final Thread owner = Thread.currentThread();
    private final OcrNatives.Installation natives;
    private final int dpi;
    private final Preprocessing preprocessing;
    private boolean ready;
    private OrientationDetector orientation;

    TesseractWorker(OcrNatives.Installation natives, int dpi, Preprocessing preprocessing) {
        this.natives = natives;
        this.dpi = dpi;
        this.preprocessing = preprocessing;
        setDatapath(natives.tessdata().toString());
        setLanguage("eng");
        // Images carry no trustworthy resolution; without one Tesseract guesses and warns on every page.
        setVariable("user_defined_dpi", Integer.toString(dpi));
        if (preprocessing.has(Step.LOCAL_THRESHOLD)) {
            setVariable("thresholding_method", "2");
        }
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
        if (preprocessing.steps().isEmpty()) {
            return read(image);
        }
        BufferedImage gray = needsGray() ? PagePictures.gray(image) : image;
        BufferedImage page = prepare(gray);
        Recognized first = read(page);
        if (!preprocessing.has(Step.ORIENTATION) || first.confidenceOrZero() >= CHECK_ORIENTATION_BELOW
                || !orientationAvailable()) {
            return first;
        }
        int quarters = orientationDetector().clockwiseQuarters(page);
        if (quarters == 0) {
            return first;
        }
        // Turn the original back (not the prepared page: its scale and slant were measured sideways).
        Recognized upright = read(prepare(PagePictures.quarterTurn(PagePictures.gray(gray), -quarters)));
        return upright.confidenceOrZero() > first.confidenceOrZero() ? upright : first;
    }

    private boolean needsGray() {
        return preprocessing.steps().stream().anyMatch(step -> step != Step.LOCAL_THRESHOLD);
    }

    /** Contrast, slant and size, in that order: the line height is measured on the straightened page. */
    private BufferedImage prepare(BufferedImage gray) {
        BufferedImage page = gray;
        if (preprocessing.has(Step.CONTRAST)) {
            page = PagePictures.stretchContrast(PagePictures.gray(page));
        }
        if (preprocessing.has(Step.DESKEW)) {
            page = PagePictures.gray(page);
            double skew = PagePictures.skewDegrees(page);
            if (Math.abs(skew) >= PagePictures.MIN_DESKEW_DEGREES) {
                page = PagePictures.rotate(page, -skew);
            }
        }
        boolean enlarge = preprocessing.has(Step.UPSCALE);
        boolean shrink = preprocessing.has(Step.DOWNSCALE);
        if (enlarge || shrink) {
            page = PagePictures.gray(page);
            double factor = PagePictures.scaleFor(PagePictures.lineHeight(page), page.getWidth(), page.getHeight(),
                    enlarge, shrink);
            if (factor != 1) {
                page = PagePictures.scale(page, factor);
            }
        }
        return page;
    }

    private Recognized read(BufferedImage image) throws IOException {
        try {
            setImage(image);
            String text = getOCRText("", 1);
            int confidence = getAPI().TessBaseAPIMeanTextConf(getHandle());
            return new Recognized(text == null ? "" : text, confidence >= 0 ? OptionalInt.of(confidence) : OptionalInt.empty());
        } finally {
            getAPI().TessBaseAPIClear(getHandle());
        }
    }

    private boolean orientationAvailable() {
        return Files.isRegularFile(natives.tessdata().resolve(OcrNatives.ORIENTATION_DATA));
    }

    private OrientationDetector orientationDetector() {
        if (orientation == null) {
            orientation = new OrientationDetector(natives, dpi);
        }
        return orientation;
    }

    /** Frees the native engines; called once the owning thread has stopped. */
    void release() {
        if (ready) {
            ready = false;
            dispose();
        }
        if (orientation != null) {
            orientation.release();
            orientation = null;
        }
    }

    /**
     * Tesseract's orientation and script detection, which needs an engine of its own loaded with the
     * {@code osd} data (asked of the reading engine, it crashes the process). Created on the first
     * badly read page only.
     */
    private static final class OrientationDetector extends Tesseract {

        /** Below this confidence Tesseract's orientation guess is not worth a second reading. */
        private static final float MIN_CONFIDENCE = 0.5f;

        private boolean ready;

        OrientationDetector(OcrNatives.Installation natives, int dpi) {
            setDatapath(natives.tessdata().toString());
            setLanguage("osd");
            setPageSegMode(0);
            setVariable("user_defined_dpi", Integer.toString(dpi));
        }

        /** How many quarter turns clockwise the page's text has been turned; 0 when upright or unsure. */
        int clockwiseQuarters(BufferedImage page) throws IOException {
            if (!ready) {
                init();
                setVariables();
                ready = true;
            }
            BufferedImage small = page;
            int longSide = Math.max(page.getWidth(), page.getHeight());
            if (longSide > ORIENTATION_LONG_SIDE) {
                small = PagePictures.scale(PagePictures.gray(page), (double) ORIENTATION_LONG_SIDE / longSide);
            }
            try {
                setImage(small);
                IntBuffer degrees = IntBuffer.allocate(1);
                FloatBuffer confidence = FloatBuffer.allocate(1);
                FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
                PointerByReference script = new PointerByReference();
                int found = getAPI().TessBaseAPIDetectOrientationScript(getHandle(), degrees, confidence, script,
                        scriptConfidence);
                if (found == 0 || confidence.get(0) < MIN_CONFIDENCE) {
                    return 0;
                }
                return Math.floorMod(Math.round(degrees.get(0) / 90f), 4);
            } finally {
                getAPI().TessBaseAPIClear(getHandle());
            }
        }

        void release() {
            if (ready) {
                ready = false;
                dispose();
            }
        }
    }
}
