package app.booksflow.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary folders tests make (an embedded database, a server's files), so runs leave no trace. */
public final class TempFolders {

    private TempFolders() {
    }

    /**
     * A new temporary folder, deleted with everything in it when the JVM ends, also when it is stopped by a
     * signal: for benchmarks and campaigns that are often cut short.
     */
    public static Path createRemovedOnExit(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete-" + folder.getFileName()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folder and everything in it; what cannot be deleted (a file still open) is left. */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind; the operating system's temporary folder cleans up the rest
                }
            });
        } catch (IOException e) {
            // the folder went away meanwhile
        }
    }
}
