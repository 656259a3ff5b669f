package app.booksflow.desktop.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user can choose in the Settings screen. Immutable: the screen edits a copy and the store
 * writes a whole new file, so a half-applied change cannot exist.
 *
 * @param syncServer   empty until the practice's server has been set up
 * @param receiptWatch the folder watched for new receipt files, if the user chose one
 * @param hosting      set while this computer hosts the practice's sync server
 */
public record Settings(Path dataFolder, Locale locale, CurrencyDisplay currencyDisplay,
                       Optional<SyncServerAddress> syncServer, Optional<ReceiptWatch> receiptWatch,
                       Optional<Hosting> hosting) {

    /** Not hosting the server. */
    public Settings(Path dataFolder, Locale locale, CurrencyDisplay currencyDisplay,
            Optional<SyncServerAddress> syncServer, Optional<ReceiptWatch> receiptWatch) {
        this(dataFolder, locale, currencyDisplay, syncServer, receiptWatch, Optional.empty());
    }

    /** Without a watch folder. */
    public Settings(Path dataFolder, Locale locale, CurrencyDisplay currencyDisplay,
            Optional<SyncServerAddress> syncServer) {
        this(dataFolder, locale, currencyDisplay, syncServer, Optional.empty());
    }

    public Settings {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(currencyDisplay, "currencyDisplay");
        Objects.requireNonNull(syncServer, "syncServer");
        Objects.requireNonNull(receiptWatch, "receiptWatch");
        Objects.requireNonNull(hosting, "hosting");
        if (!dataFolder.isAbsolute()) {
            throw new IllegalArgumentException("The data folder must be an absolute path: " + dataFolder);
        }
    }

    /** The choices of a first start: the OS's usual data folder and formats, sync not set up. */
    public static Settings defaults(AppDirectories directories) {
        return new Settings(directories.defaultDataFolder(), Locale.getDefault(Locale.Category.FORMAT),
                CurrencyDisplay.SYMBOL, Optional.empty());
    }

    public Settings withReceiptWatch(Optional<ReceiptWatch> watch) {
        return new Settings(dataFolder, locale, currencyDisplay, syncServer, watch, hosting);
    }

    public Settings withHosting(Optional<Hosting> newHosting) {
        return new Settings(dataFolder, locale, currencyDisplay, syncServer, receiptWatch, newHosting);
    }

    public Settings withSyncServer(Optional<SyncServerAddress> server) {
        return new Settings(dataFolder, locale, currencyDisplay, server, receiptWatch, hosting);
    }

    /** What is wrong with a data folder typed by hand; empty when it can be used. */
    public static Optional<String> dataFolderProblem(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("Choose the folder where BooksFlow keeps its data");
        }
        Path path;
        try {
            path = Path.of(trimmed);
        } catch (InvalidPathException e) {
            return Optional.of("This is not a valid folder path");
        }
        if (!path.isAbsolute()) {
            return Optional.of("Enter the full path of the folder, for example " + Path.of(System.getProperty("user.home"), "BooksFlow"));
        }
        if (path.toFile().isFile()) {
            return Optional.of("This is a file, not a folder");
        }
        return Optional.empty();
    }
}
