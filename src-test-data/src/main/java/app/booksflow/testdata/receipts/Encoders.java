package app.booksflow.testdata.receipts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Turns pictures and sheets into the bytes of PNG, JPEG, TIFF and PDF files, with the JDK and PDFBox only. */
final class Encoders {

    private Encoders() {
    }

    static byte[] png(BufferedImage image) {
        return write(image, "png", null);
    }

    static byte[] jpeg(BufferedImage image, double quality) {
        return write(image, "jpeg", param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) quality);
        });
    }

    /** A picture as it looks after being saved as a JPEG of this quality and opened again. */
    static BufferedImage jpegRoundTrip(BufferedImage image, double quality) {
        try {
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(jpeg(image, quality)));
            if (decoded.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                return decoded;
            }
            BufferedImage gray = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = gray.createGraphics();
            try {
                g.drawImage(decoded, 0, 0, null);
            } finally {
                g.dispose();
            }
            return gray;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One TIFF file holding every page, LZW-compressed, through the JDK's own TIFF writer. */
    static byte[] tiff(List<BufferedImage> pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private interface Tuning {
        void tune(ImageWriteParam param);
    }

    private static byte[] write(BufferedImage image, String format, Tuning tuning) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 8);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (tuning != null) {
                tuning.tune(param);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PDF as a scanner makes it: each picture (as a JPEG of quality 0.85) on a page of its size at {@code dpi}, no text. */
    static byte[] scannedPdf(List<BufferedImage> pages, double dpi, long id) {
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage picture : pages) {
                PDPage page = new PDPage(new PDRectangle((float) (picture.getWidth() * 72 / dpi),
                        (float) (picture.getHeight() * 72 / dpi)));
                document.addPage(page);
                // Scanners store pages as JPEG (DCT) in the PDF; it is also much faster to write than Flate.
                PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg(picture, 0.85));
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            return save(document, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard 14 font a digital PDF is set in, for a picture family. */
    static Standard14Fonts.FontName pdfFont(ReceiptFont font, boolean bold) {
        if (font.isMonospaced()) {
            return bold ? Standard14Fonts.FontName.COURIER_BOLD : Standard14Fonts.FontName.COURIER;
        }
        if (font.isSerif()) {
            return bold ? Standard14Fonts.FontName.TIMES_BOLD : Standard14Fonts.FontName.TIMES_ROMAN;
        }
        return bold ? Standard14Fonts.FontName.HELVETICA_BOLD : Standard14Fonts.FontName.HELVETICA;
    }

    /** A PDF written by software: every line as real text (WinAnsi covers € £ ¥), rules as lines. */
    static byte[] digitalPdf(Sheet sheet, ReceiptFont font, long id) {
        PDType1Font regular = new PDType1Font(pdfFont(font, false));
        PDType1Font bold = new PDType1Font(pdfFont(font, true));
        SheetLayout.Placed placed = SheetLayout.place(sheet, font, pdfMetrics(font));
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) placed.width(), (float) placed.height()));
            document.addPage(page);
            float height = (float) placed.height();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (SheetLayout.Text text : placed.texts()) {
                    content.beginText();
                    content.setFont(text.bold() ? bold : regular, (float) text.size());
                    content.newLineAtOffset((float) text.x(), height - (float) text.baseline());
                    content.showText(text.text());
                    content.endText();
                }
                content.setLineWidth(0.7f);
                for (SheetLayout.Rule rule : placed.rules()) {
                    content.setLineDashPattern(rule.dashed() ? new float[] {3f, 2f} : new float[0], 0);
                    content.moveTo((float) rule.x1(), height - (float) rule.y());
                    content.lineTo((float) rule.x2(), height - (float) rule.y());
                    content.stroke();
                }
            }
            return save(document, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text widths in the standard 14 font of a digital PDF. */
    static SheetLayout.Metrics pdfMetrics(ReceiptFont font) {
        PDType1Font regular = new PDType1Font(pdfFont(font, false));
        PDType1Font bold = new PDType1Font(pdfFont(font, true));
        return (text, size, isBold) -> {
            try {
                return (isBold ? bold : regular).getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Saves with a document id derived from the seed, so the same seed gives the same bytes. */
    private static byte[] save(PDDocument document, long id) throws IOException {
        COSString part = new COSString(java.nio.ByteBuffer.allocate(16).putLong(id).putLong(Rng.mix(id)).array());
        COSArray ids = new COSArray();
        ids.add(part);
        ids.add(part);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }
}
