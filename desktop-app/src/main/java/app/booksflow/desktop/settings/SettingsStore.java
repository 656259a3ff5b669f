package app.booksflow.desktop.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as {@code booksflow.properties} in the config folder.
 *
 * <p>A broken file must never stop the app from starting: the accountant needs the app to fix it.
 * So reading falls back to the default of each value it cannot use and says so in a warning.
 * Writing goes to a temporary file first and is then moved over the old one, so a crash or a full
 * disk leaves either the old file or the new one, never half of each.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "booksflow.properties";

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private static final String DATA_FOLDER = "data.folder";
    private static final String LOCALE = "locale";
    private static final String CURRENCY_DISPLAY = "currency.display";
    private static final String SYNC_SERVER = "sync.server";
    private static final String RECEIPT_WATCH_FOLDER = "receipts.watch.folder";
    private static final String RECEIPT_WATCH_CLIENT = "receipts.watch.client";
    private static final String HOSTING_PORT = "hosting.port";

    private final AppDirectories directories;

    public SettingsStore(AppDirectories directories) {
        this.directories = directories;
    }

    public Path file() {
        return directories.configFolder().resolve(FILE_NAME);
    }

    /** The settings, and what had to be replaced by defaults (empty for a clean or missing file). */
    public record Loaded(Settings settings, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    public Loaded load() {
        Settings defaults = Settings.defaults(directories);
        Properties properties = new Properties();
        try (BufferedReader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return new Loaded(defaults, List.of());
        } catch (CharacterCodingException | IllegalArgumentException e) {
            // Not UTF-8 text, or a broken unicode escape: nothing in the file can be trusted.
            return unreadable(defaults, "it is not a valid settings file", e);
        } catch (IOException e) {
            return unreadable(defaults, "it could not be read (" + e.getMessage() + ")", e);
        }
        List<String> warnings = new ArrayList<>();
        Settings settings = new Settings(
                read(properties, DATA_FOLDER, defaults.dataFolder(), SettingsStore::dataFolder, warnings),
                read(properties, LOCALE, defaults.locale(), SettingsStore::locale, warnings),
                read(properties, CURRENCY_DISPLAY, defaults.currencyDisplay(), CurrencyDisplay::valueOf, warnings),
                read(properties, SYNC_SERVER, defaults.syncServer(), SettingsStore::syncServer, warnings),
                receiptWatch(properties, warnings),
                read(properties, HOSTING_PORT, Optional.empty(), SettingsStore::hosting, warnings));
        warnings.forEach(warning -> log.warn("{}", warning));
        return new Loaded(settings, warnings);
    }

    public void save(Settings settings) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(DATA_FOLDER, settings.dataFolder().toString());
        properties.setProperty(LOCALE, settings.locale().toLanguageTag());
        properties.setProperty(CURRENCY_DISPLAY, settings.currencyDisplay().name());
        properties.setProperty(SYNC_SERVER, settings.syncServer().map(SyncServerAddress::toString).orElse(""));
        settings.receiptWatch().ifPresent(watch -> {
            properties.setProperty(RECEIPT_WATCH_FOLDER, watch.folder().toString());
            properties.setProperty(RECEIPT_WATCH_CLIENT, watch.client().toString());
        });

        settings.hosting().ifPresent(hosting -> properties.setProperty(HOSTING_PORT, Integer.toString(hosting.port())));

        Path folder = directories.configFolder();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "BooksFlow settings");
            }
            moveIntoPlace(temp, file());
        } finally {
            Files.deleteIfExists(temp);
        }
        log.info("Settings saved to {}", file());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network drives cannot rename atomically; a plain replace is still better than writing in place.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Loaded unreadable(Settings defaults, String why, Exception cause) {
        String warning = "The settings file " + file() + " was ignored because " + why + "; default settings are used until you save.";
        log.warn("{}", warning, cause);
        return new Loaded(defaults, List.of(warning));
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private <T> T read(Properties properties, String key, T fallback, Parser<T> parser, List<String> warnings) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            return parser.parse(text.strip());
        } catch (RuntimeException e) {
            warnings.add("The setting " + key + " in " + file() + " has an unusable value (\"" + text
                    + "\"); the default is used until you save.");
            return fallback;
        }
    }

    private static Path dataFolder(String text) {
        Settings.dataFolderProblem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return Path.of(text);
    }

    private static Locale locale(String text) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(text).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("no language in " + text);
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Optional<ReceiptWatch> receiptWatch(Properties properties, List<String> warnings) {
        String folder = properties.getProperty(RECEIPT_WATCH_FOLDER);
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceiptWatch(Path.of(folder.strip()),
                    UUID.fromString(properties.getProperty(RECEIPT_WATCH_CLIENT, "").strip())));
        } catch (RuntimeException e) {
            warnings.add("The receipt watch folder in " + file() + " is unusable (\"" + folder
                    + "\"); no folder is watched until you choose one again.");
            return Optional.empty();
        }
    }

    private static Optional<Hosting> hosting(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(new Hosting(Integer.parseInt(text)));
    }

    private static Optional<SyncServerAddress> syncServer(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(SyncServerAddress.parse(text));
    }
}
