package app.booksflow.desktop.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Receipt pictures with known vendor, date and total, each spoiled in one named way, for measuring what
 * each preparation step earns on the OCR text. Drawn here, seeded, so a run is repeatable.
 */
public final class DrawnReceipts {

    /** The one thing wrong with a picture. */
    public enum Flaw {
        CLEAN, SKEW, ROTATE_90, ROTATE_180, ROTATE_270, SMALL_PRINT, LOW_CONTRAST, NOISE_BLUR, PHOTO
    }

    /** One receipt file and what it says. */
    public record Drawn(Path file, Flaw flaw, String vendor, String date, String total, String tax) {

        /** As a labeled receipt of a UK client (dates day first, pounds). */
        public LabeledReceipt labeled() {
            String name = file.getFileName().toString();
            return new LabeledReceipt(file, Map.of("country", "UK", "layout", "drawn", "format",
                    name.substring(name.lastIndexOf('.') + 1), "degradation", flaw.name().toLowerCase(Locale.ROOT)),
                    Locale.UK, vendor, LocalDate.parse(date, DateTimeFormatter.ofPattern("dd/MM/yyyy")), new BigDecimal(total),
                    Optional.of(new BigDecimal(tax)), Currency.getInstance("GBP"));
        }
    }

    private static final List<String> VENDORS = List.of("CORNER CAFE", "HARBOUR BOOKS", "GREEN GROCER", "CITY FUEL",
            "MAIN ST PHARMACY", "BLUE OCEAN SUSHI", "NORTHSIDE HARDWARE", "PAPER AND INK", "SUNRISE BAKERY",
            "THE OLD MILL PUB", "METRO OFFICE SUPPLY", "RIVERSIDE DINER");
    private static final List<String> ITEMS = List.of("Coffee", "Bagel", "Notebook", "Milk 2L", "Bread", "Apples",
            "Printer paper", "Pens x10", "Sandwich", "Orange juice", "Batteries AA", "Screws 50", "Soup of the day",
            "Green tea", "Stapler", "Envelopes");
    private static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};

    private DrawnReceipts() {
    }

    /** Writes {@code count} receipts into {@code folder}, the flaws taken in turn. */
    public static List<Drawn> write(Path folder, int count, long seed) {
        Random random = new Random(seed);
        List<Drawn> drawn = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                Flaw flaw = Flaw.values()[i % Flaw.values().length];
                drawn.add(one(folder, i, flaw, random));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drawn;
    }

    private static Drawn one(Path folder, int number, Flaw flaw, Random random) throws IOException {
        String vendor = VENDORS.get(random.nextInt(VENDORS.size()));
        String date = String.format(Locale.ROOT, "%02d/%02d/20%02d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                20 + random.nextInt(6));
        List<String> lines = new ArrayList<>();
        lines.add(vendor);
        lines.add(random.nextInt(100) + " High Street");
        lines.add("Date " + date + "  " + String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60)));
        lines.add("");
        long cents = 0;
        int items = 2 + random.nextInt(6);
        for (int i = 0; i < items; i++) {
            long price = 50 + random.nextInt(4000);
            cents += price;
            lines.add(pad(ITEMS.get(random.nextInt(ITEMS.size())), amount(price)));
        }
        long tax = cents / 6;
        lines.add("");
        lines.add(pad("VAT 20% incl.", amount(tax)));
        lines.add(pad("TOTAL", amount(cents)));
        lines.add(pad("CARD", amount(cents)));
        lines.add("Thank you for your visit");
        String total = amount(cents);

        int fontPixels = 24 + random.nextInt(12);
        BufferedImage page = render(lines, new Font(FONTS[random.nextInt(FONTS.length)], Font.PLAIN, fontPixels), 255, 0);
        BufferedImage picture = switch (flaw) {
            case CLEAN -> page;
            case SKEW -> turn(page, (random.nextBoolean() ? 1 : -1) * (2.5 + random.nextDouble() * 7.5), 255);
            case ROTATE_90 -> quarter(page, 1);
            case ROTATE_180 -> quarter(page, 2);
            case ROTATE_270 -> quarter(page, 3);
            case SMALL_PRINT -> scale(page, 0.28 + random.nextDouble() * 0.14);
            case LOW_CONTRAST -> render(lines, new Font(FONTS[random.nextInt(FONTS.length)], Font.PLAIN, fontPixels),
                    205 + random.nextInt(30), 120 + random.nextInt(50));
            case NOISE_BLUR -> noise(blur(page), 18 + random.nextInt(14), random);
            case PHOTO -> photo(page, random);
        };
        boolean jpeg = flaw == Flaw.PHOTO || random.nextInt(3) == 0;
        Path file = folder.resolve(String.format(Locale.ROOT, "r%04d-%s.%s", number, flaw.name().toLowerCase(Locale.ROOT),
                jpeg ? "jpg" : "png"));
        if (jpeg) {
            writeJpeg(picture, file, flaw == Flaw.PHOTO ? 0.7f : 0.85f);
        } else {
            ImageIO.write(picture, "png", file.toFile());
        }
        return new Drawn(file, flaw, vendor, date, total, amount(tax));
    }

    private static String amount(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private static String pad(String left, String right) {
        return left + " ".repeat(Math.max(2, 30 - left.length() - right.length())) + right;
    }

    private static BufferedImage render(List<String> lines, Font font, int paper, int ink) {
        int size = font.getSize();
        int lineHeight = size * 3 / 2;
        BufferedImage image = new BufferedImage(size * 20, size * 3 + lines.size() * lineHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(ink, ink, ink));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), size, size * 2 + i * lineHeight);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static BufferedImage turn(BufferedImage page, double degrees, int fill) {
        double radians = Math.toRadians(degrees);
        int width = page.getWidth();
        int height = page.getHeight();
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        BufferedImage out = new BufferedImage((int) (width * cos + height * sin) + 1, (int) (height * cos + width * sin) + 1,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(fill, fill, fill));
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform transform = new AffineTransform();
            transform.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
            transform.rotate(radians);
            transform.translate(-width / 2.0, -height / 2.0);
            g.drawImage(page, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage quarter(BufferedImage page, int quarters) {
        boolean sideways = quarters % 2 == 1;
        BufferedImage out = new BufferedImage(sideways ? page.getHeight() : page.getWidth(),
                sideways ? page.getWidth() : page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            AffineTransform transform = new AffineTransform();
            transform.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
            transform.quadrantRotate(quarters);
            transform.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
            g.drawImage(page, transform, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage page, double factor) {
        BufferedImage out = new BufferedImage((int) (page.getWidth() * factor), (int) (page.getHeight() * factor),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage page) {
        float[] weights = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
        return new ConvolveOp(new Kernel(3, 3, weights), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
    }

    private static BufferedImage noise(BufferedImage page, int sigma, Random random) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(page.getRaster());
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int level = (pixels[i] & 0xff) + (int) Math.round(random.nextGaussian() * sigma);
            pixels[i] = (byte) Math.clamp(level, 0, 255);
        }
        return out;
    }

    /** The slip photographed on a desk: a larger dark frame, a slight slant, light falling off to one side. */
    private static BufferedImage photo(BufferedImage page, Random random) {
        BufferedImage slanted = turn(page, (random.nextDouble() - 0.5) * 6, 70);
        int margin = page.getWidth() / 4;
        BufferedImage out = new BufferedImage(slanted.getWidth() + 2 * margin, slanted.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(70, 60, 50));
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(slanted, margin, margin, null);
            g.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 0), out.getWidth(), out.getHeight(),
                    new Color(0, 0, 0, 90)));
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void writeJpeg(BufferedImage picture, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
