package app.booksflow.desktop.ocr;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which steps prepare a page picture before Tesseract reads it. Every step can be switched off so the
 * OCR benchmark can measure what each one earns on the labeled receipts (ADR 0021, docs/PERFORMANCE.md).
 */
public record Preprocessing(Set<Step> steps) {

    public enum Step {
        /** The picture as one grey channel before anything else: less to copy into Tesseract. */
        GRAYSCALE,
        /** Pictures whose text lines are too short for Tesseract are enlarged. */
        UPSCALE,
        /** Pictures whose text lines are far taller than Tesseract needs are shrunk: same words, fewer pixels. */
        DOWNSCALE,
        /** A slanted picture (up to 15 degrees) is turned straight. */
        DESKEW,
        /** A page that reads badly is checked for a quarter or half turn and read again upright. */
        ORIENTATION,
        /** Dark and light ends of the grey range stretched to black and white (faded, grey prints). */
        CONTRAST,
        /** Tesseract thresholds with Sauvola's local method instead of a single global level. */
        LOCAL_THRESHOLD
    }

    /** What the engine does unless told otherwise: the steps that earned their place (ADR 0021). */
    public static final Preprocessing DEFAULT = new Preprocessing(EnumSet.of(Step.GRAYSCALE, Step.CONTRAST, Step.UPSCALE,
            Step.DESKEW, Step.ORIENTATION));

    public static final Preprocessing NONE = new Preprocessing(EnumSet.noneOf(Step.class));

    public Preprocessing {
        steps = steps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(steps));
    }

    public static Preprocessing of(Step... steps) {
        return new Preprocessing(steps.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.of(steps[0], steps));
    }

    public boolean has(Step step) {
        return steps.contains(step);
    }

    public Preprocessing with(Step step) {
        EnumSet<Step> more = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
        more.add(step);
        return new Preprocessing(more);
    }

    public Preprocessing without(Step step) {
        EnumSet<Step> fewer = steps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(steps);
        fewer.remove(step);
        return new Preprocessing(fewer);
    }
}
