package app.booksflow.desktop.gui.receipts;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/** A receipt drawn for the screen, or why it could not be: the view shows a placeholder with that reason. */
public final class ReceiptPicture {

    private final BufferedImage image;
    private final String problem;

    private ReceiptPicture(BufferedImage image, String problem) {
        this.image = image;
        this.problem = problem;
    }

    public static ReceiptPicture of(BufferedImage image) {
        return new ReceiptPicture(Objects.requireNonNull(image), "");
    }

    public static ReceiptPicture unreadable(String problem) {
        return new ReceiptPicture(null, Objects.requireNonNull(problem));
    }

    public Optional<BufferedImage> image() {
        return Optional.ofNullable(image);
    }

    /** Why there is no image; empty when there is one. */
    public String problem() {
        return problem;
    }
}
