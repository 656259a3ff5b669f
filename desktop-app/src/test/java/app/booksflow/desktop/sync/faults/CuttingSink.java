package app.booksflow.desktop.sync.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Forwards one message and stops it after a planned number of bytes by throwing {@link CutReached}. While a cut is
 * pending the last byte written is held back, so a message shorter than the plan is cut just before its last byte.
 * Optionally keeps a copy of what it was given, for a duplicate.
 */
final class CuttingSink implements HttpFraming.Sink {

    /** Thrown once the planned bytes have been forwarded; the caller cuts the connection. */
    static final class CutReached extends IOException {
        CutReached() {
            super("planned cut", null);
        }
    }

    private final OutputStream out;
    private final long cutAfter;
    private final ByteArrayOutputStream copy;
    private final long copyLimit;
    private long written;
    private int held = -1;
    private boolean copyOverflowed;

    /**
     * @param cutAfter  bytes to forward before the cut, or -1 for none
     * @param copyLimit bytes to keep a copy of, 0 for no copy; a longer message keeps none
     */
    CuttingSink(OutputStream out, long cutAfter, int copyLimit) {
        this.out = out;
        this.cutAfter = cutAfter;
        this.copyLimit = copyLimit;
        this.copy = copyLimit > 0 ? new ByteArrayOutputStream() : null;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        keep(bytes, offset, length);
        if (cutAfter < 0) {
            out.write(bytes, offset, length);
            written += length;
            out.flush();
            return;
        }
        if (held >= 0) {
            emit(new byte[] {(byte) held}, 0, 1);
            held = -1;
        }
        emit(bytes, offset, length - 1);
        held = bytes[offset + length - 1] & 0xff;
        out.flush();
    }

    /** Ends the message: forwards what was held back, or cuts here if the planned cut has not come yet. */
    void finish() throws IOException {
        out.flush();
        if (cutAfter >= 0) {
            throw new CutReached();
        }
    }

    /** The message as given, or null when none was kept or it was longer than the limit. */
    byte[] copy() {
        return copy == null || copyOverflowed ? null : copy.toByteArray();
    }

    private void emit(byte[] bytes, int offset, int length) throws IOException {
        long room = cutAfter - written;
        if (length >= room) {
            out.write(bytes, offset, (int) room);
            written += room;
            out.flush();
            throw new CutReached();
        }
        out.write(bytes, offset, length);
        written += length;
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (copy == null || copyOverflowed) {
            return;
        }
        if (copy.size() + (long) length > copyLimit) {
            copyOverflowed = true;
            copy.reset();
            return;
        }
        copy.write(bytes, offset, length);
    }
}
