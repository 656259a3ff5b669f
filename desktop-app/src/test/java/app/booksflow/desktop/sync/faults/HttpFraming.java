package app.booksflow.desktop.sync.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Just enough HTTP/1.1 to find where each request and response ends on a keep-alive connection: heads are read whole,
 * bodies are copied as they come (Content-Length, chunked, or up to the end of the stream for a response without
 * either). Bytes are forwarded as read, never re-encoded.
 */
final class HttpFraming {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int COPY_BUFFER = 64 * 1024;

    enum Body { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** Where the bytes of a message go; a cutting sink stops the copy by throwing. */
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** A message head as it came, with what the framing needs of it. */
    record Head(byte[] raw, String startLine, long contentLength, boolean chunked) {

        String method() {
            int space = startLine.indexOf(' ');
            return space < 0 ? startLine : startLine.substring(0, space);
        }

        String target() {
            String[] parts = startLine.split(" ", 3);
            return parts.length > 1 ? parts[1] : "";
        }

        int status() {
            String[] parts = startLine.split(" ", 3);
            try {
                return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        Body requestBody() {
            if (chunked) {
                return Body.CHUNKED;
            }
            return contentLength > 0 ? Body.LENGTH : Body.NONE;
        }

        Body responseBody(String requestMethod) {
            int status = status();
            if ("HEAD".equals(requestMethod) || status / 100 == 1 || status == 204 || status == 304) {
                return Body.NONE;
            }
            if (chunked) {
                return Body.CHUNKED;
            }
            if (contentLength >= 0) {
                return contentLength > 0 ? Body.LENGTH : Body.NONE;
            }
            return Body.UNTIL_CLOSE;
        }
    }

    private HttpFraming() {
    }

    /** Reads a head through its blank line; null when the stream ends cleanly before its first byte. */
    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(512);
        int newlines = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (raw.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a message head");
            }
            raw.write(b);
            if (raw.size() > MAX_HEAD_BYTES) {
                throw new IOException("message head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                newlines++;
                if (newlines == 2) {
                    return parse(raw.toByteArray());
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
    }

    private static Head parse(byte[] raw) throws IOException {
        String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r?\n");
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length: " + value, e);
                }
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            }
        }
        return new Head(raw, lines[0], contentLength, chunked);
    }

    /** Copies a body of the given framing from in to out, byte for byte. */
    static void copyBody(Body body, long contentLength, InputStream in, Sink out) throws IOException {
        switch (body) {
            case NONE -> { }
            case LENGTH -> copy(in, out, contentLength);
            case CHUNKED -> copyChunked(in, out);
            case UNTIL_CLOSE -> copy(in, out, Long.MAX_VALUE);
        }
    }

    private static void copyChunked(InputStream in, Sink out) throws IOException {
        while (true) {
            byte[] sizeLine = readLine(in);
            out.write(sizeLine, 0, sizeLine.length);
            long size = chunkSize(sizeLine);
            if (size == 0) {
                break;
            }
            copy(in, out, size);
            byte[] end = readLine(in);
            out.write(end, 0, end.length);
        }
        while (true) {
            byte[] trailer = readLine(in);
            out.write(trailer, 0, trailer.length);
            if (trailer.length <= 2 && (trailer[0] == '\r' || trailer[0] == '\n')) {
                return;
            }
        }
    }

    private static long chunkSize(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.ISO_8859_1).trim();
        int extension = text.indexOf(';');
        String hex = (extension < 0 ? text : text.substring(0, extension)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new IOException("negative chunk size: " + text);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + text, e);
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("stream ended inside a chunked body");
            }
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_LINE_BYTES) {
                throw new IOException("chunk line longer than " + MAX_LINE_BYTES + " bytes");
            }
        }
    }

    /** Copies up to count bytes; Long.MAX_VALUE copies to the end of the stream. */
    private static void copy(InputStream in, Sink out, long count) throws IOException {
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, Math.max(count, 1))];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("stream ended " + left + " bytes before the end of a body");
            }
            out.write(buffer, 0, n);
            if (count != Long.MAX_VALUE) {
                left -= n;
            }
        }
    }
}
