package app.booksflow.desktop.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last safety copy of the books (ADR 0041): taken after a large load (the demo practice, a first sync),
 * when H2 is most at risk of losing chunks to an abrupt stop (ADR 0011), and put back in place of books that
 * no longer read whole. One copy is kept: {@code safety-copy/books-<millis>.h2.sql.deflate} (H2's script of
 * the books, deflated) with {@code books-<millis>.properties} saying when and after what it was taken. A copy
 * being written is a {@code .part} file until it is complete, so a copy cut short is never mistaken for one.
 */
public final class SafetyCopy {

    private static final Logger log = LoggerFactory.getLogger(SafetyCopy.class);
    private static final String EXTENSION = ".h2.sql.deflate";
    private static final Pattern NAME = Pattern.compile("books-(\\d+)\\.h2\\.sql\\.deflate");
    private static final Object TAKING = new Object();
    private static final DateTimeFormatter KEPT_AS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    /**
     * A safety copy on disk: when it was taken, on what occasion ("after the demo practice's load"), and how many
     * transactions the books then held (-1 when not known).
     */
    public record Info(Path file, Instant takenAt, String occasion, long transactions) {
    }

    private SafetyCopy() {
    }

    /**
     * Copies the open books into a new safety copy, then removes the older one. Runs beside reads and writes;
     * copies of the books of this process are taken one at a time (the start-up's and the sync engine's may
     * meet).
     *
     * @param occasion why the copy is taken, for the user: "after the demo practice's load"
     */
    public static Info take(LocalStore store, String occasion, Clock clock) {
        synchronized (TAKING) {
            return takeNow(store, occasion, clock);
        }
    }

    private static Info takeNow(LocalStore store, String occasion, Clock clock) {
        DataDirectory directory = store.directory();
        Instant now = clock.instant();
        long started = System.nanoTime();
        try {
            Path folder = Files.createDirectories(directory.safetyCopies());
            // What a copy cut short (a crash, a failure) left; the copies are taken one at a time.
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "*.part")) {
                for (Path part : parts) {
                    Files.delete(part);
                }
            }
            String base = "books-" + now.toEpochMilli();
            Path script = folder.resolve(base + EXTENSION);
            Path part = folder.resolve(base + EXTENSION + ".part");
            Path about = folder.resolve(base + ".properties");
            long transactions;
            try {
                transactions = store.scriptTo(part);
            } catch (RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Properties properties = new Properties();
            properties.setProperty("occasion", occasion);
            properties.setProperty("transactions", Long.toString(transactions));
            try (OutputStream out = Files.newOutputStream(about)) {
                properties.store(out, "BooksFlow safety copy");
            }
            Files.move(part, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (Path older : copies(folder)) {
                if (!older.equals(script)) {
                    Files.deleteIfExists(older);
                    Files.deleteIfExists(aboutOf(older));
                }
            }
            Info info = new Info(script, now, occasion, transactions);
            log.info("Safety copy of {} taken {} in {} ms: {} transactions, {} KiB", directory, occasion,
                    (System.nanoTime() - started) / 1_000_000, transactions, Files.size(script) / 1024);
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("The safety copy of the books in " + directory.root() + " could not be written", e);
        }
    }

    /**
     * Whether the open books are due a new safety copy: the newest is {@code every} old or more, or there is none
     * and the books hold a transaction.
     */
    public static boolean isDue(LocalStore store, Duration every, Clock clock) {
        Optional<Info> last = find(store.directory());
        if (last.isPresent()) {
            return !last.get().takenAt().isAfter(clock.instant().minus(every));
        }
        return store.readJdbc(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet any = statement.executeQuery("select 1 from transactions fetch first 1 rows only")) {
                return any.next();
            }
        });
    }

    /** The newest complete safety copy of the books in the folder, if there is one. */
    public static Optional<Info> find(DataDirectory directory) {
        Path folder = directory.safetyCopies();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            return copies(folder).stream().findFirst().map(SafetyCopy::describe);
        } catch (IOException e) {
            log.warn("Could not look for a safety copy in {}", folder, e);
            return Optional.empty();
        }
    }

    /**
     * Puts the newest safety copy in place of the books, which must be closed. The copy is first run into new
     * books in a folder of its own and read whole there; only then do the books it replaces move to the data
     * folder's {@code damaged} folder (never deleted) and the new books take their place.
     *
     * @return where the replaced books were kept
     * @throws IllegalStateException when there is no safety copy, or it does not read whole either (nothing
     *     is moved then)
     */
    public static Path restore(DataDirectory directory, Clock clock) {
        Info copy = find(directory).orElseThrow(() -> new IllegalStateException(
                "There is no safety copy of the books in " + directory.root() + "."));
        Path check = directory.safetyCopies().resolve("check");
        // Held while the files move, so that no window opens the books meanwhile; the mark of an unclean stop
        // stays, and the books are checked once more when they next open.
        try (StoreLock lock = StoreLock.acquire(directory)) {
            deleteFolder(check);
            DataDirectory unpacked = new DataDirectory(Files.createDirectories(check));
            Map<String, Long> rows;
            try (Connection connection = DriverManager.getConnection(LocalStore.jdbcUrl(unpacked), "booksflow", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("runscript from '" + copy.file().toAbsolutePath().toString().replace("'", "''")
                        + "' compression deflate");
                rows = WholeBooks.readEveryRow(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("The safety copy " + copy.file() + " does not read whole either ("
                        + e.getMessage() + "). Nothing was changed.", e);
            }
            Path kept = keepDamaged(directory, clock);
            Files.move(unpacked.databaseFile(), directory.databaseFile());
            lock.booksReplaced();
            deleteFolder(check);
            log.warn("The safety copy {} ({} transactions) took the place of the books in {}; the books it replaced "
                    + "are kept as {}", copy.file(), rows.getOrDefault("transactions", 0L), directory, kept);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("The safety copy could not be put in place of the books in "
                    + directory.root() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves damaged books (which must be closed) out of the way, into the data folder's {@code damaged} folder,
     * so that the next open makes new books: for damaged books without a safety copy, whose practice comes back
     * from its source (the demo loaded again, a synced practice pulled from the server).
     *
     * @return where the books were kept
     */
    public static Path setAside(DataDirectory directory, Clock clock) {
        return setAside(directory, clock, false);
    }

    /**
     * Like {@link #setAside}, with the safety copies of the books kept beside them in the {@code damaged} folder:
     * for books whose practice comes back whole from the server (a first sync begun again, ADR 0049), where a copy
     * of an earlier state must not stand in for the new books.
     *
     * @return where the books were kept
     */
    public static Path setAsideWithCopies(DataDirectory directory, Clock clock) {
        return setAside(directory, clock, true);
    }

    private static Path setAside(DataDirectory directory, Clock clock, boolean withCopies) {
        try (StoreLock lock = StoreLock.acquire(directory)) {
            Path kept = keepDamaged(directory, clock);
            if (withCopies && Files.exists(directory.safetyCopies())) {
                Files.move(directory.safetyCopies(), kept.resolveSibling("safety-copy-" + KEPT_AS.format(clock.instant())));
            }
            lock.booksReplaced();
            log.warn("The books in {}{} were set aside as {}; new books take their place", directory,
                    withCopies ? " and their safety copies" : "", kept);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("The books in " + directory.root() + " could not be set aside: "
                    + e.getMessage(), e);
        }
    }

    private static Path keepDamaged(DataDirectory directory, Clock clock) throws IOException {
        Path kept = directory.damaged().resolve("books-" + KEPT_AS.format(clock.instant()) + ".mv.db");
        Files.createDirectories(kept.getParent());
        if (Files.exists(directory.databaseFile())) {
            Files.move(directory.databaseFile(), kept);
        }
        return kept;
    }

    /** Complete copies, newest first. */
    private static List<Path> copies(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "books-*" + EXTENSION)) {
            for (Path file : files) {
                if (NAME.matcher(file.getFileName().toString()).matches()) {
                    found.add(file);
                }
            }
        }
        found.sort(Comparator.comparingLong(SafetyCopy::takenMillis).reversed());
        return found;
    }

    private static long takenMillis(Path copy) {
        Matcher name = NAME.matcher(copy.getFileName().toString());
        return name.matches() ? Long.parseLong(name.group(1)) : 0;
    }

    private static Path aboutOf(Path copy) {
        return copy.resolveSibling("books-" + takenMillis(copy) + ".properties");
    }

    private static Info describe(Path copy) {
        Properties about = new Properties();
        try (InputStream in = Files.newInputStream(aboutOf(copy))) {
            about.load(in);
        } catch (IOException e) {
            log.warn("The safety copy {} has no readable description", copy, e);
        }
        long transactions;
        try {
            transactions = Long.parseLong(about.getProperty("transactions", "-1"));
        } catch (NumberFormatException e) {
            transactions = -1;
        }
        return new Info(copy, Instant.ofEpochMilli(takenMillis(copy)), about.getProperty("occasion", "after a large load"),
                transactions);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
