package app.booksflow.desktop.support;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.server.support.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The demo practice's books as a first run leaves them once its background work is done (loaded by the
 * app's own demo loader, with their safety copy, searchable), made once per JVM and "today", then copied
 * for each test that starts from them: a copy takes a fraction of a second, a load and its indexing
 * several. The tests of a first run on empty books (the demo loading while the window shows its progress)
 * start empty instead.
 */
public final class DemoBooks {

    /** The "today" most tests of the demo's books share, so that they share one load of them. */
    public static final Clock DECEMBER_2025 = Clock.fixed(Instant.parse("2025-12-15T10:00:00Z"), ZoneOffset.UTC);

    private static final Map<Instant, Path> LOADED = new ConcurrentHashMap<>();

    private DemoBooks() {
    }

    /** Puts a copy of the demo practice's books, as loaded on {@link #DECEMBER_2025}, into an empty {@code dataDir}. */
    public static void copyTo(Path dataDir) {
        copyTo(dataDir, DECEMBER_2025);
    }

    /** Puts a copy of the demo practice's books, as loaded on {@code clock}'s today, into an empty {@code dataDir}. */
    public static void copyTo(Path dataDir, Clock clock) {
        Path template = LOADED.computeIfAbsent(clock.instant(), today -> load(clock));
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path target = dataDir.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path load(Clock clock) {
        try {
            Path template = Files.createTempDirectory("booksflow-demo-books");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.delete(template)));
            try (LocalStore store = LocalStore.open(new DataDirectory(template))) {
                DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();
                // As the start-up does after the demo's load: "today's" copy, so no test's start takes another.
                SafetyCopy.take(store, "after the demo practice's load", clock);
                SearchBacklog.drain(store);
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
