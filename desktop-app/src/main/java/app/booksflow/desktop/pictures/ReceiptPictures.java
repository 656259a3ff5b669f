package app.booksflow.desktop.pictures;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.receipt.ReceiptMediaType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Draws a stored receipt file as a picture no larger than asked: photos and scans through ImageIO
 * (subsampled while decoding, so a 50-megapixel photo never sits whole in memory), PDFs as their first
 * page through PDFBox. Slow work for a background thread; a file that cannot be drawn gives a
 * {@link DomainException} saying why, for a placeholder in its stead.
 */
public final class ReceiptPictures {

    private ReceiptPictures() {
    }

    /** @param maxSide the longest side of the picture, in pixels */
    public static BufferedImage render(Path file, ReceiptMediaType type, int maxSide) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException(DomainError.INVALID_STATE, "The file is not on this device.");
        }
        try {
            BufferedImage picture = type == ReceiptMediaType.PDF ? firstPage(file, maxSide) : image(file, maxSide);
            return fit(picture, maxSide);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw new DomainException(DomainError.INVALID_FORMAT, "The file cannot be shown: it is damaged or not a "
                    + type.name() + " file.");
        }
    }

    private static BufferedImage firstPage(Path file, int maxSide) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.getNumberOfPages() == 0) {
                throw new DomainException(DomainError.INVALID_FORMAT, "The PDF has no pages.");
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longest = Math.max(box.getWidth(), box.getHeight());
            float scale = longest <= 0 ? 1 : Math.min(4f, maxSide / longest);
            return new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
        }
    }

    private static BufferedImage image(Path file, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DomainException(DomainError.INVALID_FORMAT, "The file cannot be shown: no reader knows it.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longest / (maxSide * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage picture = reader.read(0, param);
                if (picture == null) {
                    throw new IOException("no picture");
                }
                return picture;
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage fit(BufferedImage picture, int maxSide) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage fitted = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(picture, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return fitted;
    }
}
