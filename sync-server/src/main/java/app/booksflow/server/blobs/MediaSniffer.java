package app.booksflow.server.blobs;

import app.booksflow.model.receipt.ReceiptMediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a file's kind from its first bytes. The declared Content-Type and the file name are whatever
 * the sender claims; the magic bytes are what a viewer will actually parse, so only they decide.
 */
final class MediaSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    static final int HEAD_BYTES = 16;

    /** What the bytes are: a receipt type, or a description of what was found instead. */
    record Sniffed(Optional<ReceiptMediaType> type, String description) {
    }

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', '*', 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, '*'};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private MediaSniffer() {
    }

    static Sniffed sniff(byte[] head) {
        if (startsWith(head, JPEG)) {
            return receipt(ReceiptMediaType.JPEG);
        }
        if (startsWith(head, PNG)) {
            return receipt(ReceiptMediaType.PNG);
        }
        if (startsWith(head, TIFF_LITTLE_ENDIAN) || startsWith(head, TIFF_BIG_ENDIAN)) {
            return receipt(ReceiptMediaType.TIFF);
        }
        if (startsWith(head, PDF)) {
            return receipt(ReceiptMediaType.PDF);
        }
        return new Sniffed(Optional.empty(), other(head));
    }

    /** A few common look-alikes by name, so the sender learns what they actually sent. */
    private static String other(byte[] head) {
        if (startsWith(head, ascii("GIF8"))) {
            return "a GIF image";
        }
        if (startsWith(head, ascii("RIFF")) && head.length >= 12
                && Arrays.equals(head, 8, 12, ascii("WEBP"), 0, 4)) {
            return "a WebP image";
        }
        if (head.length >= 12 && Arrays.equals(head, 4, 8, ascii("ftyp"), 0, 4)) {
            return "a HEIC/MP4-family file";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return "a ZIP archive (or an Office document)";
        }
        if (looksLikeText(head)) {
            return "plain text";
        }
        return "an unknown binary format";
    }

    /** No control characters, and UTF-8 (the head may cut the last character in half). */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        for (int cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, head.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try without the last byte: it may be the start of a character the head cut off
            }
        }
        return false;
    }

    private static Sniffed receipt(ReceiptMediaType type) {
        return new Sniffed(Optional.of(type), type.name());
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
