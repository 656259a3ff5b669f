package app.booksflow.desktop.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The folder that holds everything this device keeps: the H2 database, receipt files and the lock
 * that lets only one window work on them. By default the operating system's place for application
 * data; a {@code --data-dir} flag or the {@code booksflow.dataDir} system property points elsewhere
 * (tests, portable installs, a second practice).
 */
public final class DataDirectory {

    public static final String SYSTEM_PROPERTY = "booksflow.dataDir";

    private final Path root;

    public DataDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The flag wins over the system property, which wins over the operating system's default. */
    public static DataDirectory resolve(Optional<String> dataDirFlag) {
        Optional<String> chosen = dataDirFlag.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty(SYSTEM_PROPERTY)).filter(s -> !s.isBlank()));
        return chosen.map(path -> new DataDirectory(Path.of(path)))
                .orElseGet(() -> new DataDirectory(standardLocation(System.getProperty("os.name", ""), System.getenv(),
                        Path.of(System.getProperty("user.home")))));
    }

    /**
     * Where a desktop application keeps its data on this operating system: {@code %APPDATA%\BooksFlow} on
     * Windows, {@code ~/Library/Application Support/BooksFlow} on macOS, and on Linux and other Unixes
     * {@code $XDG_DATA_HOME/booksflow} or {@code ~/.local/share/booksflow} (XDG Base Directory spec).
     */
    public static Path standardLocation(String osName, Map<String, String> environment, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return nonBlank(environment.get("APPDATA"))
                    .map(appData -> Path.of(appData, "BooksFlow"))
                    .orElseGet(() -> userHome.resolve("AppData").resolve("Roaming").resolve("BooksFlow"));
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("BooksFlow");
        }
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
        return nonBlank(environment.get("XDG_DATA_HOME"))
                .map(Path::of)
                .filter(Path::isAbsolute)
                .map(dataHome -> dataHome.resolve("booksflow"))
                .orElseGet(() -> userHome.resolve(".local").resolve("share").resolve("booksflow"));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public Path root() {
        return root;
    }

    /** The database's base name: H2 adds {@code .mv.db}. */
    public Path database() {
        return root.resolve("books");
    }

    /** The database's file. */
    public Path databaseFile() {
        return root.resolve("books.mv.db");
    }

    /** The last safety copy of the books, taken after a large load (ADR 0041). */
    public Path safetyCopies() {
        return root.resolve("safety-copy");
    }

    /** Books that could not be read whole, kept here when a safety copy took their place. */
    public Path damaged() {
        return root.resolve("damaged");
    }

    /** Receipt files, content-addressed: {@code receipts/ab/cd/<sha256>}. */
    public Path receipts() {
        return root.resolve("receipts");
    }

    Path lockFile() {
        return root.resolve("booksflow.lock");
    }

    /** There while a closing BooksFlow tidies the books (ADR 0047): an opener waits for it instead of refusing. */
    Path tidyingMark() {
        return root.resolve("booksflow.tidying");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataDirectory other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
