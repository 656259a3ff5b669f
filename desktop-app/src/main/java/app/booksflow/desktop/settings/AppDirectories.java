package app.booksflow.desktop.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its settings and, unless the user chooses otherwise, its data: the places each
 * OS's own apps use, so backups and roaming profiles find them where an admin expects.
 */
public record AppDirectories(Path configFolder, Path defaultDataFolder) {

    public static AppDirectories forCurrentUser() {
        return forOs(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folders for a given OS, environment and home folder; separate so each OS can be tested anywhere. */
    static AppDirectories forOs(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // Settings roam with the user's profile; the ledger is large and stays on this machine.
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve("BooksFlow"), local.resolve("BooksFlow").resolve("data"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("BooksFlow");
            return new AppDirectories(support, support.resolve("data"));
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        return new AppDirectories(config.resolve("booksflow"), data.resolve("booksflow"));
    }

    /**
     * Where the app keeps files it can rebuild at any time (the OCR engine's unpacked libraries): the
     * OS's cache place, which backups skip and cleaners may empty.
     */
    public static Path cacheFolderForCurrentUser() {
        return cacheFolderForOs(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path cacheFolderForOs(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return local.resolve("BooksFlow").resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("BooksFlow");
        }
        return envPath(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("booksflow");
    }

    /** The same folders with the settings kept elsewhere (--config-dir, tests). */
    public AppDirectories withConfigFolder(Path folder) {
        return new AppDirectories(folder, defaultDataFolder);
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The XDG spec says a relative value is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
