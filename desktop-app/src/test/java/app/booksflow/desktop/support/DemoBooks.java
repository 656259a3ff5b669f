package app.booksflow.desktop.support;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.server.support.TempFolders;
import app.booksflow.testdata.PracticeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The demo practice's books as a first run leaves them once its background work is done (loaded by the
 * app's own demo loader, with their safety copy, searchable), made once and "today", then copied for each
 * test that starts from them: a copy takes a fraction of a second, a load and its indexing half a minute.
 * The tests of a first run on empty books (the demo loading while the window shows its progress) start
 * empty instead.
 *
 * <p>With {@code booksflow.test.sharedBooks} set (the build sets it to a folder in {@code target}), the
 * books are made once for every test JVM of the build and kept there under a fingerprint of the code that
 * makes them (the app's classes, the generator, H2 and this class): the first JVM to need them makes them
 * under a file lock while the others wait, and a later run of unchanged code copies them at once. Without
 * it each JVM makes its own in a temporary folder.
 */
public final class DemoBooks {

    /** The "today" most tests of the demo's books share, so that they share one load of them. */
    public static final Clock DECEMBER_2025 = Clock.fixed(Instant.parse("2025-12-15T10:00:00Z"), ZoneOffset.UTC);

    private static final String SHARED = "booksflow.test.sharedBooks";
    private static final String COMPLETE = "complete";

    private static final Map<Instant, Path> LOADED = new ConcurrentHashMap<>();

    private DemoBooks() {
    }

    /** Puts a copy of the demo practice's books, as loaded on {@link #DECEMBER_2025}, into an empty {@code dataDir}. */
    public static void copyTo(Path dataDir) {
        copyTo(dataDir, DECEMBER_2025);
    }

    /** Puts a copy of the demo practice's books, as loaded on {@code clock}'s today, into an empty {@code dataDir}. */
    public static void copyTo(Path dataDir, Clock clock) {
        Path template = LOADED.computeIfAbsent(clock.instant(), today -> template(clock));
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                if (file.getParent() != null && file.getParent().equals(template)
                        && file.getFileName().toString().equals(COMPLETE)) {
                    continue;
                }
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

    private static Path template(Clock clock) {
        String shared = System.getProperty(SHARED);
        if (shared == null || shared.isBlank()) {
            Path folder = TempFolders.createRemovedOnExit("booksflow-demo-books");
            load(folder, clock);
            return folder;
        }
        return sharedTemplate(Path.of(shared), clock);
    }

    /** The books in the shared folder, made there first when no test JVM has made them for this code yet. */
    private static Path sharedTemplate(Path shared, Clock clock) {
        try {
            Files.createDirectories(shared);
            String fingerprint = fingerprint();
            Path template = shared.resolve(fingerprint + "-" + clock.instant().toEpochMilli());
            try (FileChannel lock = FileChannel.open(shared.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(template.resolve(COMPLETE))) {
                    removeOtherCode(shared, fingerprint);
                    TempFolders.delete(template);
                    Files.createDirectories(template);
                    load(template, clock);
                    Files.createFile(template.resolve(COMPLETE));
                }
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Path template, Clock clock) {
        DataDirectory data = new DataDirectory(template);
        try (LocalStore store = LocalStore.open(data)) {
            DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();
            // As the start-up does after the demo's load: "today's" copy, so no test's start takes another.
            SafetyCopy.take(store, "after the demo practice's load", clock);
            SearchBacklog.drain(store);
        }
        // Closing leaves most of the load's space to H2's background compaction (about 370 MB, against 33 MB
        // compacted): compacted once here, each test copies a tenth of it.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.database(), "booksflow", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compact the demo books in " + template, e);
        }
    }

    /** Books made by code that has changed since: a folder of about 100 MB each. */
    private static void removeOtherCode(Path shared, String fingerprint) throws IOException {
        try (Stream<Path> folders = Files.list(shared)) {
            folders.filter(Files::isDirectory).filter(folder -> !folder.getFileName().toString().startsWith(fingerprint))
                    .forEach(TempFolders::delete);
        }
    }

    /**
     * What the books depend on: every file of the app's classes and resources (migrations included), the
     * generator's and H2's jars or classes by name, size and time, and this class's own bytes.
     */
    private static String fingerprint() throws IOException {
        MessageDigest digest = sha256();
        for (Class<?> part : List.of(DemoPractice.class, PracticeGenerator.class, org.h2.Driver.class)) {
            Path location;
            try {
                location = Path.of(part.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update((file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        try (InputStream self = DemoBooks.class.getResourceAsStream(DemoBooks.class.getSimpleName() + ".class")) {
            digest.update(self.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
