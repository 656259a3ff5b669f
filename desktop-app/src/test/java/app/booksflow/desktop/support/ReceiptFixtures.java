package app.booksflow.desktop.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Receipt files for tests: real pictures and PDFs, a damaged JPEG, a file too large to attach. */
public final class ReceiptFixtures {

    private ReceiptFixtures() {
    }

    /** A PNG photo of the given size, filled with the colour (different colours give different contents). */
    public static Path png(Path file, int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A one-page A6 PDF with a filled rectangle. */
    public static Path pdf(Path file) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(20, 20, 100, 60);
                content.fill();
            }
            Files.createDirectories(file.getParent());
            document.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Starts like a JPEG (so it is accepted as one) but the rest is noise: no picture can be drawn from it. */
    public static Path corruptJpeg(Path file) {
        byte[] bytes = new byte[600];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sparse file of the given size starting like a PDF: cheap to make, larger than any receipt. */
    public static Path largePdf(Path file, long size) {
        try {
            Files.createDirectories(file.getParent());
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.write("%PDF-1.7\n".getBytes());
                out.setLength(size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
