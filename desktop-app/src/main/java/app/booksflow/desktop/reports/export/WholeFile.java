package app.booksflow.desktop.reports.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an export so that the target is either the whole file or untouched: the content goes to a
 * temporary file in the same folder, which is moved over the target only when complete. A full disk,
 * a failure or a cancellation half-way leaves neither a truncated file nor a damaged earlier one.
 */
public final class WholeFile {

    /** The content of the file, written to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_PREFIX = ".booksflow-export-";
    private static final String TEMP_SUFFIX = ".part";

    private WholeFile() {
    }

    /** Writes the content to {@code target}, replacing a file already there. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
