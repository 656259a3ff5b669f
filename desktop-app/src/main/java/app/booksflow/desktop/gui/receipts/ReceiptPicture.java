package app.booksflow.desktop.gui.receipts;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * A receipt drawn for the screen, or why it could not be: the view shows a placeholder with that reason.
 * A note is a placeholder that is no problem (the file is on its way from the server, or waits there).
 */
public final class ReceiptPicture {

    private final BufferedImage image;
    private final String problem;
    private final boolean note;

    private ReceiptPicture(BufferedImage image, String problem, boolean note) {
        this.image = image;
        this.problem = problem;
        this.note = note;
    }

    public static ReceiptPicture of(BufferedImage image) {
        return new ReceiptPicture(Objects.requireNonNull(image), "", false);
    }

    public static ReceiptPicture unreadable(String problem) {
        return new ReceiptPicture(null, Objects.requireNonNull(problem), false);
    }

    /** A placeholder saying what is happening, such as "Downloading from the server…". */
    public static ReceiptPicture note(String text) {
        return new ReceiptPicture(null, Objects.requireNonNull(text), true);
    }

    public Optional<BufferedImage> image() {
        return Optional.ofNullable(image);
    }

    /** Why there is no image; empty when there is one. */
    public String problem() {
        return problem;
    }

    /** Whether this is a placeholder that says what is happening rather than what went wrong. */
    public boolean isNote() {
        return note;
    }
}
