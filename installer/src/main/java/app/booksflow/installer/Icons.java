package app.booksflow.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The app's icon, drawn by the build from shapes alone (no font, so every machine draws the same picture):
 * an open ledger with ruled lines and a tick on a green tile. Written as the PNG Linux uses, the ICO
 * Windows uses and the ICNS macOS uses, each holding the sizes its system asks for.
 */
public final class Icons {

    /** The sizes in a Windows icon; 256 is the largest ICO allows. */
    static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    /** macOS icon types by size: PNG-encoded entries, the only ones current macOS needs. */
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private Icons() {
    }

    /** The written icon files. */
    public record Written(Path png, Path ico, Path icns) {
    }

    /** Writes {@code booksflow.png} (512 px), {@code booksflow.ico} and {@code booksflow.icns} into the folder. */
    public static Written writeAll(Path folder) {
        try {
            Files.createDirectories(folder);
            Path png = Files.write(folder.resolve("booksflow.png"), png(draw(512)));
            Path ico = Files.write(folder.resolve("booksflow.ico"), ico());
            Path icns = Files.write(folder.resolve("booksflow.icns"), icns());
            return new Written(png, ico, icns);
        } catch (IOException e) {
            throw new UncheckedIOException("The icons could not be written to " + folder, e);
        }
    }

    /** The icon at {@code size} pixels square, with a transparent corner outside the rounded tile. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            // The tile.
            g.setPaint(new GradientPaint(0, 0, new Color(0x1F, 0x8A, 0x5B), 0, 100, new Color(0x0F, 0x5C, 0x3C)));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));
            // The open ledger: two pages meeting at the spine.
            g.setColor(new Color(0xF7, 0xF5, 0xEE));
            g.fill(page(-1));
            g.fill(page(1));
            // Ruled lines on the left page.
            g.setColor(new Color(0x9F, 0xB8, 0xAB));
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int line = 0; line < 4; line++) {
                double y = 38 + line * 9;
                g.draw(new java.awt.geom.Line2D.Double(22, y - 1, 44, y + 1));
            }
            // The tick on the right page.
            g.setColor(new Color(0x1F, 0x8A, 0x5B));
            g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D tick = new Path2D.Double();
            tick.moveTo(58, 52);
            tick.lineTo(65, 60);
            tick.lineTo(78, 41);
            g.draw(tick);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One page of the open ledger, from the spine out to the left ({@code -1}) or the right ({@code 1}). */
    private static Path2D page(int side) {
        Path2D page = new Path2D.Double();
        page.moveTo(50, 30);
        page.curveTo(50 + side * 10, 24, 50 + side * 24, 23, 50 + side * 34, 26);
        page.lineTo(50 + side * 34, 76);
        page.curveTo(50 + side * 24, 73, 50 + side * 10, 74, 50, 80);
        page.closePath();
        return page;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("No PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An ICO file with PNG-encoded images (Windows Vista and later read these). */
    static byte[] ico() {
        List<byte[]> images = ICO_SIZES.stream().map(size -> png(draw(size))).toList();
        int headerSize = 6 + 16 * images.size();
        int total = headerSize + images.stream().mapToInt(image -> image.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES.get(i);
            // Width and height 0 mean 256.
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** An ICNS file: the magic, the file's length, then one PNG entry per type (lengths big-endian). */
    static byte[] icns() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ICNS_TYPES.forEach((type, size) -> entries.put(type, png(draw(size))));
        int total = 8 + entries.values().stream().mapToInt(image -> 8 + image.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        out.put(ascii("icns")).putInt(total);
        entries.forEach((type, image) -> out.put(ascii(type)).putInt(8 + image.length).put(image));
        return out.array();
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return types;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
