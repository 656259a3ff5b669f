package app.booksflow.desktop.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Receipt-like files drawn by the tests themselves, so no binary fixture is committed. */
public final class ReceiptFiles {

    public static final List<String> RECEIPT = List.of(
            "CORNER CAFE",
            "Date 15/01/2025",
            "Coffee 3.50",
            "Bagel 8.84",
            "TOTAL 12.34");

    public static final List<String> SECOND_PAGE = List.of(
            "HARBOUR BOOKS",
            "Notebook 4.20",
            "TOTAL 56.78");

    private ReceiptFiles() {
    }

    public static BufferedImage draw(List<String> lines) {
        return draw(lines, 40);
    }

    /** The lines in a sans-serif font of {@code fontPixels}, on a white page sized to fit. */
    public static BufferedImage draw(List<String> lines, int fontPixels) {
        int lineHeight = fontPixels * 7 / 5;
        BufferedImage image = new BufferedImage(fontPixels * 45 / 2, fontPixels * 2 + lines.size() * lineHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPixels));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), fontPixels, fontPixels * 7 / 4 + i * lineHeight);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static Path png(Path folder, String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        ImageIO.write(draw(lines), "png", file.toFile());
        return file;
    }

    public static Path jpeg(Path folder, String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        ImageIO.write(draw(lines), "jpeg", file.toFile());
        return file;
    }

    public static Path tiff(Path folder, String name, List<List<String>> pages) throws IOException {
        Path file = folder.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (List<String> page : pages) {
                writer.writeToSequence(new IIOImage(draw(page), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A PDF written by software: real text, no picture. */
    public static Path digitalPdf(Path folder, String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.setLeading(20);
                content.newLineAtOffset(40, 540);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** A PDF as a scanner makes it: one picture per page, no text. */
    public static Path scannedPdf(Path folder, String name, List<String> lines) throws IOException {
        return scannedPdf(folder, name, draw(lines));
    }

    /** A PDF with {@code picture} as its only page, at 300 dpi. */
    public static Path scannedPdf(Path folder, String name, BufferedImage picture) throws IOException {
        Path file = folder.resolve(name);
        try (PDDocument document = new PDDocument()) {
            // The picture at 300 dpi, as a scan would be.
            PDPage page = new PDPage(new PDRectangle(picture.getWidth() * 72f / 300, picture.getHeight() * 72f / 300));
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, picture);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(file.toFile());
        }
        return file;
    }

    public static Path text(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
