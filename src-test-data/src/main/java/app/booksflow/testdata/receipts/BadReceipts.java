package app.booksflow.testdata.receipts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Files an import must refuse, each with the way it fails. They are cut from real generated receipts, so
 * only the one fault differs from a good file.
 */
public final class BadReceipts {

    /** The size of the oversize file: larger than any limit of the app (stored as a sparse file where the file system can). */
    public static final long OVERSIZE_BYTES = 128L * 1024 * 1024;
    public static final String PASSWORD = "receipt-secret";

    /** What is wrong with a file, and how a reader notices. */
    public enum Kind {
        /** No bytes at all. */
        ZERO_BYTE("empty file"),
        /** A JPEG cut inside its header tables: no decoder can build the picture. */
        TRUNCATED_JPEG("JPEG decoding fails"),
        /** A JPEG cut inside the picture data, as an interrupted copy leaves it: decoders warn and grey out the rest. */
        TRUNCATED_JPEG_DATA("JPEG decodes only with a premature-end warning; the lower part is missing"),
        /** A PNG cut inside its image data. */
        TRUNCATED_PNG("PNG decoding fails"),
        /** A text file named .jpg. */
        TEXT_AS_JPEG("not a picture: the content is text"),
        /** A PDF that needs a password to open (AES-128). */
        PASSWORD_PDF("PDF needs a password"),
        /** A PDF header followed by garbage: no objects, no cross-reference table, no trailer. */
        CORRUPT_PDF("PDF cannot be parsed"),
        /** A JPEG header padded to {@link #OVERSIZE_BYTES}. */
        OVERSIZE("too large to read"),
        /** A PNG whose header claims 40,000 by 40,000 pixels (1.6 gigapixels). */
        PIXEL_BOMB("picture too large: refused before decoding"),
        /** A GIF picture: a format receipts are not read from. */
        UNSUPPORTED_GIF("unsupported format: GIF"),
        /** A Word-like document (a ZIP archive) named .docx. */
        UNSUPPORTED_DOCX("unsupported format: ZIP/Office document");

        private final String expectedFailure;

        Kind(String expectedFailure) {
            this.expectedFailure = expectedFailure;
        }

        public String expectedFailure() {
            return expectedFailure;
        }
    }

    public record BadReceipt(Path file, Kind kind) {
    }

    private BadReceipts() {
    }

    /** Writes one file of every kind into {@code folder}. */
    public static List<BadReceipt> write(Path folder) throws IOException {
        List<BadReceipt> written = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            written.add(write(folder, kind));
        }
        return written;
    }

    public static BadReceipt write(Path folder, Kind kind) throws IOException {
        Files.createDirectories(folder);
        ReceiptOptions clean = ReceiptOptions.REALISTIC.withCountry(ReceiptCountry.UNITED_KINGDOM)
                .withLayout(Layout.TILL).withDegradations();
        Path file;
        switch (kind) {
            case ZERO_BYTE -> file = Files.write(folder.resolve("empty.jpg"), new byte[0]);
            case TRUNCATED_JPEG -> {
                byte[] jpeg = ReceiptGenerator.generate(1, 0, clean.withFormat(FileFormat.JPEG)).bytes();
                file = Files.write(folder.resolve("truncated-header.jpg"), Arrays.copyOf(jpeg, startOfScan(jpeg) - 40));
            }
            case TRUNCATED_JPEG_DATA -> {
                byte[] jpeg = ReceiptGenerator.generate(1, 1, clean.withFormat(FileFormat.JPEG)).bytes();
                file = Files.write(folder.resolve("truncated-data.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
            }
            case TRUNCATED_PNG -> {
                byte[] png = ReceiptGenerator.generate(1, 2, clean.withFormat(FileFormat.PNG)).bytes();
                file = Files.write(folder.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
            }
            case TEXT_AS_JPEG -> file = Files.writeString(folder.resolve("receipt-photo.jpg"),
                    "Lunch with client 12.50 - photo to follow\nThis is a note, not a picture.\n", StandardCharsets.UTF_8);
            case PASSWORD_PDF -> file = Files.write(folder.resolve("protected.pdf"), protectedPdf());
            case CORRUPT_PDF -> file = Files.write(folder.resolve("corrupt.pdf"), corruptPdf());
            case OVERSIZE -> file = oversize(folder.resolve("huge-scan.jpg"));
            case PIXEL_BOMB -> file = Files.write(folder.resolve("giant.png"), pixelBomb());
            case UNSUPPORTED_GIF -> file = Files.write(folder.resolve("receipt.gif"), gif());
            case UNSUPPORTED_DOCX -> file = Files.write(folder.resolve("receipt.docx"), docx());
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return new BadReceipt(file, kind);
    }

    /** Where the JPEG's entropy-coded data begins (just after the SOS marker segment). */
    private static int startOfScan(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new IllegalStateException("no start of scan in the JPEG");
    }

    private static byte[] protectedPdf() throws IOException {
        byte[] pdf = ReceiptGenerator.generate(1, 3, ReceiptOptions.REALISTIC.withCountry(ReceiptCountry.UNITED_KINGDOM)
                .withLayout(Layout.INVOICE).withFormat(FileFormat.PDF_DIGITAL)).bytes();
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(PASSWORD + "-owner", PASSWORD,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] corruptPdf() {
        byte[] bytes = new byte[4096];
        Rng rng = Rng.of(0, 0, Rng.Stream.PIXELS);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rng.nextLong();
        }
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private static Path oversize(Path file) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
            out.setLength(OVERSIZE_BYTES);
        }
        return file;
    }

    /** A valid PNG signature and header chunk for 40,000 x 40,000 gray pixels, then one empty data chunk. */
    private static byte[] pixelBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(40_000).putInt(40_000)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflated(new byte[40_001]));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflated(byte[] raw) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] gif() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 120,
                java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 200, 120);
            g.setColor(java.awt.Color.BLACK);
            g.drawString("TOTAL 12.34", 20, 60);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", out);
        return out.toByteArray();
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w="
                    + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                    + "<w:t>Receipt: TOTAL 12.34</w:t></w:r></w:p></w:body></w:document>");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
