package app.booksflow.desktop.gui.settings;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.settings.SyncServerAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The Settings form: the fields as the user types them, a validation message per field (empty when the
 * field is fine), and Save/Cancel. Saving writes the file through the task executor and then makes the
 * saved settings the app's current ones.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final ObjectProperty<Settings> current;
    private final Optional<Path> dataFolderOverride;
    private final TaskExecutor taskExecutor;

    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder", "");
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private final ObjectProperty<CurrencyDisplay> currencyDisplay = new SimpleObjectProperty<>(this, "currencyDisplay");
    private final StringProperty syncServer = new SimpleStringProperty(this, "syncServer", "");

    private final ReadOnlyStringWrapper dataFolderError = new ReadOnlyStringWrapper(this, "dataFolderError", "");
    private final ReadOnlyStringWrapper syncServerError = new ReadOnlyStringWrapper(this, "syncServerError", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final BooleanBinding valid;
    private final BooleanBinding changed;
    private final BooleanBinding canSave;

    /**
     * @param current            the app's settings; replaced after a successful save
     * @param dataFolderOverride the folder given with --data-dir for this session, if any
     */
    public SettingsViewModel(SettingsStore store, ObjectProperty<Settings> current, Optional<Path> dataFolderOverride,
                             TaskExecutor taskExecutor) {
        this.store = Objects.requireNonNull(store);
        this.current = Objects.requireNonNull(current);
        this.dataFolderOverride = Objects.requireNonNull(dataFolderOverride);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);

        dataFolderError.bind(Bindings.createStringBinding(
                () -> Settings.dataFolderProblem(dataFolder.get()).orElse(""), dataFolder));
        syncServerError.bind(Bindings.createStringBinding(() -> syncServer.get().isBlank()
                ? "" : SyncServerAddress.problemWith(syncServer.get()).orElse(""), syncServer));
        valid = dataFolderError.isEmpty().and(syncServerError.isEmpty())
                .and(locale.isNotNull()).and(currencyDisplay.isNotNull());
        changed = Bindings.createBooleanBinding(() -> valid.get() && !toSettings().equals(current.get()),
                valid, dataFolder, locale, currencyDisplay, syncServer, current);
        canSave = changed.and(saving.not());
        revert();
    }

    public StringProperty dataFolderProperty() {
        return dataFolder;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public ObjectProperty<CurrencyDisplay> currencyDisplayProperty() {
        return currencyDisplay;
    }

    /** Empty means sync is not set up. */
    public StringProperty syncServerProperty() {
        return syncServer;
    }

    public ReadOnlyStringProperty dataFolderErrorProperty() {
        return dataFolderError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncServerErrorProperty() {
        return syncServerError.getReadOnlyProperty();
    }

    public ObservableBooleanValue validProperty() {
        return valid;
    }

    /** True when the form is valid, differs from the saved settings and no save is under way. */
    public ObservableBooleanValue canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** What the last Save did, in a sentence; empty before the first. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Said next to the data folder when --data-dir overrides it for this session; empty otherwise. */
    public String dataFolderNote() {
        return dataFolderOverride
                .map(folder -> "This session uses " + folder + " (started with --data-dir); "
                        + "this setting applies when BooksFlow starts without it.")
                .orElse("");
    }

    /**
     * The locales a user can pick (language and region, as formats need both), by their name in the
     * user's language. The current one is always among them, even when the OS gave a language alone.
     */
    public List<Locale> availableLocales() {
        return Stream.concat(Stream.of(current.get().locale()), Arrays.stream(Locale.getAvailableLocales())
                        .filter(candidate -> !candidate.getLanguage().isEmpty() && !candidate.getCountry().isEmpty())
                        .filter(candidate -> candidate.getVariant().isEmpty() && candidate.getScript().isEmpty()))
                .distinct()
                .sorted(Comparator.comparing(Locale::getDisplayName))
                .toList();
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        Settings settings = toSettings();
        boolean dataFolderMoved = !settings.dataFolder().equals(current.get().dataFolder());
        saving.set(true);
        outcome.set("");
        BackgroundTask.of("Saving settings", () -> {
                    store.save(settings);
                    return settings;
                })
                .onSuccess(saved -> {
                    saving.set(false);
                    current.set(saved);
                    outcome.set(dataFolderMoved
                            ? "Settings saved. The new data folder is used from the next start of BooksFlow."
                            : "Settings saved.");
                })
                .onFailure(error -> {
                    saving.set(false);
                    outcome.set("The settings could not be saved to " + store.file() + ": " + describe(error));
                })
                .executeWith(taskExecutor);
    }

    /**
     * Makes the server just signed in to the saved Sync server; the other saved settings stay as they
     * are, and other edits in the form stay unsaved.
     */
    public void useSyncServer(String address) {
        SyncServerAddress server;
        try {
            server = SyncServerAddress.parse(address);
        } catch (IllegalArgumentException e) {
            return;
        }
        Settings saved = current.get();
        if (saved.syncServer().equals(Optional.of(server))) {
            return;
        }
        Settings updated = saved.withSyncServer(Optional.of(server));
        BackgroundTask.of("Saving the sync server", () -> {
                    store.save(updated);
                    return updated;
                })
                .onSuccess(done -> {
                    current.set(done);
                    syncServer.set(server.toString());
                })
                .onFailure(error -> outcome.set("The server address could not be saved to " + store.file() + ": "
                        + describe(error)))
                .executeWith(taskExecutor);
    }

    /** Puts the saved settings back into the form (Cancel). */
    public void revert() {
        Settings settings = current.get();
        dataFolder.set(settings.dataFolder().toString());
        locale.set(settings.locale());
        currencyDisplay.set(settings.currencyDisplay());
        syncServer.set(settings.syncServer().map(SyncServerAddress::toString).orElse(""));
        outcome.set("");
    }

    /** File system exceptions carry only a path as their message; say what happened to it. */
    private static String describe(Throwable error) {
        return switch (error) {
            case AccessDeniedException denied -> "no permission to write " + denied.getFile();
            case FileAlreadyExistsException inTheWay -> inTheWay.getFile() + " is a file, not a folder";
            case NotDirectoryException inTheWay -> inTheWay.getFile() + " is a file, not a folder";
            case FileSystemException other when other.getReason() != null -> other.getReason() + " (" + other.getFile() + ")";
            default -> error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        };
    }

    private Settings toSettings() {
        Optional<SyncServerAddress> server = syncServer.get().isBlank()
                ? Optional.empty()
                : Optional.of(SyncServerAddress.parse(syncServer.get()));
        return new Settings(Path.of(dataFolder.get().strip()), locale.get(), currencyDisplay.get(), server,
                current.get().receiptWatch(), current.get().hosting());
    }
}
