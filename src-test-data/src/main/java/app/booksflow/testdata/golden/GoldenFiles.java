package app.booksflow.testdata.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON files: one per sync protocol message and per entity payload, exactly as a peer of
 * the current protocol version writes them. Tests on both sides of the wire read them from here, so
 * the desktop and the server are held to the same bytes.
 */
public final class GoldenFiles {

    /** Classpath folder of the files; {@code protocol/}, {@code payload/} and {@code tolerance/} below it. */
    public static final String ROOT = "/golden/";

    private GoldenFiles() {
    }

    /** The text of a golden file, for example {@code read("protocol/push-request.json")}. */
    public static String read(String name) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + name, e);
        }
    }
}
