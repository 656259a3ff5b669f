package app.booksflow.testdata.receipts;

import java.util.Locale;

/**
 * What a phone photo or a cheap scan does to a receipt. The amount of each step means:
 * NOISE the standard deviation in gray levels; BLUR the Gaussian sigma in pixels; SKEW the angle in
 * degrees (positive is clockwise); ROTATE_* the quarter turn in degrees; FADED_THERMAL the gray level
 * the ink faded to (0 black, 255 white); LOW_CONTRAST the gray levels between ink and paper;
 * LOW_RESOLUTION the scale factor applied; JPEG_ARTIFACTS the JPEG quality (0 to 1).
 */
public enum Degradation {
    NOISE, BLUR, SKEW, ROTATE_90, ROTATE_180, ROTATE_270, FADED_THERMAL, LOW_CONTRAST, LOW_RESOLUTION,
    JPEG_ARTIFACTS;

    /** The name written to labels.jsonl, e.g. {@code rotate_90}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isRotation() {
        return this == ROTATE_90 || this == ROTATE_180 || this == ROTATE_270;
    }

    /** One applied step: the degradation and how strongly (see the class comment for the unit). */
    public record Step(Degradation kind, double amount) {
    }
}
