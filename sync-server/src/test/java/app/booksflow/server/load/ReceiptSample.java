package app.booksflow.server.load;

import app.booksflow.testdata.PracticeSpec;
import app.booksflow.testdata.receipts.FileFormat;
import app.booksflow.testdata.receipts.LabeledReceipt;
import app.booksflow.testdata.receipts.ReceiptGenerator;
import app.booksflow.testdata.receipts.ReceiptOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generated scanned receipt (JPEG) of about 200 KB, and a distinct copy of it for every upload: a
 * JPEG comment with a serial number after the start-of-image marker changes the file's hash without
 * changing the picture, so the server stores every upload instead of finding it already there.
 */
public final class ReceiptSample {

    static final int TARGET_BYTES = 200 * 1024;

    private final byte[] jpeg;
    private final AtomicLong serial = new AtomicLong();

    private ReceiptSample(byte[] jpeg) {
        this.jpeg = jpeg;
    }

    /** The generated JPEG receipt closest to 200 KB among the first few of the default seed. */
    public static ReceiptSample generate() {
        byte[] best = null;
        ReceiptOptions jpegOnly = ReceiptOptions.REALISTIC.withFormat(FileFormat.JPEG);
        for (int index = 0; index < 12; index++) {
            LabeledReceipt receipt = ReceiptGenerator.generate(PracticeSpec.DEFAULT_SEED, index, jpegOnly);
            if (best == null || distance(receipt.bytes()) < distance(best)) {
                best = receipt.bytes();
            }
        }
        return new ReceiptSample(best);
    }

    private static int distance(byte[] bytes) {
        return Math.abs(bytes.length - TARGET_BYTES);
    }

    public int size() {
        return jpeg.length;
    }

    /** The receipt with a comment segment of its own: a file no upload sent before. */
    public byte[] nextCopy() {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalStateException("The sample is not a JPEG file.");
        }
        byte[] comment = ("upload " + serial.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        int segment = comment.length + 2;
        byte[] copy = new byte[jpeg.length + 2 + segment];
        copy[0] = jpeg[0];
        copy[1] = jpeg[1];
        copy[2] = (byte) 0xFF;
        copy[3] = (byte) 0xFE;
        copy[4] = (byte) (segment >> 8);
        copy[5] = (byte) segment;
        System.arraycopy(comment, 0, copy, 6, comment.length);
        System.arraycopy(jpeg, 2, copy, 6 + comment.length, jpeg.length - 2);
        return copy;
    }
}
