package app.booksflow.desktop.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract's OpenMP threads, limited to one per OCR worker. {@code OMP_THREAD_LIMIT} is read once, by
 * the OpenMP runtime when it is loaded with Tesseract; the workers already use the cores, and OpenMP's own
 * threads on top of them make a busy pool several times slower (ADR 0018). Java cannot change its own
 * environment, and an installer's launcher passes JVM options but no environment, so on Linux and macOS
 * the variable is set in the process's C environment here, before the libraries load, unless whoever
 * started the app set it already.
 */
final class OpenMpLimit {

    static final String VARIABLE = "OMP_THREAD_LIMIT";

    private static final Logger LOG = LoggerFactory.getLogger(OpenMpLimit.class);

    /** The C library's environment functions (POSIX). */
    interface CLibrary extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }

    private OpenMpLimit() {
    }

    /**
     * Sets the limit to 1 when the environment has none; call before Tesseract's libraries load.
     *
     * @return the limit in force afterwards, or empty on a system where it is left to the launcher (Windows)
     */
    static Optional<String> applyIfUnset(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Optional.ofNullable(System.getenv(VARIABLE));
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            String current = c.getenv(VARIABLE);
            if (current != null) {
                return Optional.of(current);
            }
            if (c.setenv(VARIABLE, "1", 0) != 0) {
                LOG.warn("{} could not be set; Tesseract may start a thread per core in every OCR worker", VARIABLE);
                return Optional.empty();
            }
            LOG.debug("{}=1 set for Tesseract's OpenMP threads", VARIABLE);
            return Optional.ofNullable(c.getenv(VARIABLE));
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("{} could not be set ({}); Tesseract may start a thread per core in every OCR worker", VARIABLE,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
