package app.booksflow.desktop.ocr;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The files OCR reads, recognised by their first bytes, never by their name. */
public enum FileKind {
    JPEG, PNG, TIFF, PDF;

    /** How many leading bytes {@link #detect} looks at. */
    static final int HEAD_BYTES = 1024;

    static Optional<FileKind> detect(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        // Readers accept a PDF header anywhere in the first kilobyte (some generators write junk first).
        if (new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** Words an accountant recognises for a file we do not read, from its content. */
    static String describeOther(byte[] head, int length) {
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return "a GIF animation or picture";
        }
        if (startsWith(head, length, 'B', 'M')) {
            return "a BMP picture";
        }
        if (length >= 12 && new String(head, 4, 8, StandardCharsets.ISO_8859_1).matches("ftyp(heic|heix|mif1|msf1)")) {
            return "a HEIC photo (iPhone): export it as JPEG first";
        }
        if (startsWith(head, length, 'P', 'K', 0x03, 0x04)) {
            return "a ZIP archive or Office document";
        }
        int printable = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b != 0x7F)) {
                printable++;
            }
        }
        return printable == length ? "a text file" : "a file of an unknown kind";
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
