package app.booksflow.server.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading at a byte limit, so that an oversized body is refused without being held in memory. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown when the stream goes past its limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    private long remaining;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --remaining < 0) {
            throw new TooLarge();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            remaining -= n;
            if (remaining < 0) {
                throw new TooLarge();
            }
        }
        return n;
    }
}
