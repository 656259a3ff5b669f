package app.booksflow.desktop.gui.settings;

import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.hosting.HostedPractice;
import app.booksflow.desktop.hosting.HostingException;
import app.booksflow.desktop.hosting.PracticeHost;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.Hosting;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncException;
import app.booksflow.model.DomainException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Host the practice's sync server on this computer" part of Settings. It lives as long as the
 * window (the server runs while other screens are shown): Start runs the server in the books' data
 * folder and, the first time, creates the practice's admin and signs these books in to it; the choice
 * is remembered in the settings, so the next start of the app hosts again; Stop ends it and forgets the choice.
 */
public final class HostingViewModel {

    private static final Logger log = LoggerFactory.getLogger(HostingViewModel.class);

    private final SyncStatusViewModel sync;
    private final ObjectProperty<Settings> settings;
    private final SettingsStore store;
    private final Path dataFolder;
    private final TaskExecutor taskExecutor;
    private final Map<String, String> serverSettings;
    private Consumer<String> signedInTo = address -> { };

    private final StringProperty port = new SimpleStringProperty(this, "port");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyBooleanWrapper hosting = new ReadOnlyBooleanWrapper(this, "hosting");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not hosting.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;

    /** Touched on the task executor's threads and at exit; guarded by itself. */
    private final Object hostLock = new Object();
    private PracticeHost host;
    private boolean closed;

    /**
     * @param serverSettings the embedded server's settings by key (empty in the app; tests make password hashing cheap)
     */
    public HostingViewModel(SyncStatusViewModel sync, ObjectProperty<Settings> settings, SettingsStore store,
            Path dataFolder, TaskExecutor taskExecutor, Map<String, String> serverSettings) {
        this.sync = Objects.requireNonNull(sync);
        this.settings = Objects.requireNonNull(settings);
        this.store = Objects.requireNonNull(store);
        this.dataFolder = Objects.requireNonNull(dataFolder);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.serverSettings = Map.copyOf(serverSettings);
        port.set(Integer.toString(settings.get().hosting().map(Hosting::port).orElse(PracticeHost.DEFAULT_PORT)));
        portError.bind(Bindings.createStringBinding(() -> portProblem(port.get()).orElse(""), port));
        canStart = Bindings.createBooleanBinding(() -> sync.engineProperty().get() != null && !busy.get() && !hosting.get()
                && portError.get().isEmpty(), sync.engineProperty(), busy, hosting, portError);
        canStop = hosting.and(busy.not());
        // The books are open once their engine is: a computer that hosted at the last run hosts again.
        sync.engineProperty().addListener((property, before, engine) -> {
            if (engine != null && settings.get().hosting().isPresent() && !hosting.get() && !busy.get()) {
                start();
            }
        });
    }

    /** Told the address these books sync with once they are signed in to their own server. */
    public void onSignedIn(Consumer<String> action) {
        this.signedInTo = Objects.requireNonNull(action);
    }

    public StringProperty portProperty() {
        return port;
    }

    /** The admin the first start creates; later starts need it only when the books were signed out. */
    public StringProperty emailProperty() {
        return email;
    }

    /** Never saved; cleared as soon as a start used it. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hostingProperty() {
        return hosting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Hosting on http://office-pc:8080; other computers sign in there", or "Not hosting." */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last start or stop failed (port in use, folder in use, no admin given); else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableBooleanValue canStartProperty() {
        return canStart;
    }

    public ObservableBooleanValue canStopProperty() {
        return canStop;
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        SyncEngine engine = sync.engineProperty().get();
        LedgerServices books = sync.ledgerProperty().get();
        int chosenPort = Integer.parseInt(port.get().strip());
        String admin = email.get().strip();
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        error.set("");
        status.set("Starting the server on port " + chosenPort + "…");
        BackgroundTask.withProgress("Starting the practice's server", progress -> {
            try {
                progress.message("starting the database");
                Optional<HostedPractice.Admin> first = admin.isEmpty() ? Optional.empty()
                        : Optional.of(new HostedPractice.Admin(admin, secret));
                PracticeHost started = HostedPractice.start(dataFolder, chosenPort, books, engine, first, serverSettings,
                        Clock.systemUTC());
                synchronized (hostLock) {
                    if (closed) {
                        started.close();
                        throw new HostingException("The window closed while the server started.");
                    }
                    host = started;
                }
                Settings remembered = settings.get().withHosting(Optional.of(new Hosting(chosenPort)));
                store.save(remembered);
                return new Started(remembered, started.networkUrl(), HostedPractice.signedInTo(books, started)
                        ? Optional.of(started.localUrl()) : Optional.empty());
            } finally {
                Arrays.fill(secret, '\0');
            }
        }).onSuccess(started -> {
            busy.set(false);
            hosting.set(true);
            settings.set(started.settings());
            status.set("Hosting on " + started.address() + "; other computers sign in there.");
            sync.syncNow(); // the engine may be waiting to retry a server that was not up yet
            started.signedInAt().ifPresent(signedInTo);
        }).onFailure(failure -> {
            busy.set(false);
            status.set("Not hosting.");
            error.set(describe(failure));
        }).executeWith(taskExecutor);
    }

    private record Started(Settings settings, String address, Optional<String> signedInAt) {
    }

    /** Stops the server (the other computers keep their changes until it runs again) and forgets the choice. */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        BackgroundTask.of("Stopping the practice's server", () -> {
            stopHost();
            Settings forgotten = settings.get().withHosting(Optional.empty());
            store.save(forgotten);
            return forgotten;
        }).onSuccess(saved -> {
            busy.set(false);
            hosting.set(false);
            settings.set(saved);
            status.set("Not hosting.");
        }).onFailure(failure -> {
            busy.set(false);
            error.set(describe(failure));
        }).executeWith(taskExecutor);
    }

    /** The app's exit: the server stops, the choice stays for the next start. */
    public void close() {
        synchronized (hostLock) {
            closed = true;
        }
        stopHost();
    }

    private void stopHost() {
        PracticeHost running;
        synchronized (hostLock) {
            running = host;
            host = null;
        }
        if (running != null) {
            running.close();
        }
    }

    static Optional<String> portProblem(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value >= 1 && value <= 65535 ? Optional.empty() : Optional.of("The port is a number from 1 to 65535");
        } catch (NumberFormatException e) {
            return Optional.of("The port is a number from 1 to 65535, usually " + PracticeHost.DEFAULT_PORT);
        }
    }

    private static String describe(Throwable failure) {
        String message = switch (failure) {
            case HostingException e -> e.getMessage();
            case SyncException e -> e.getMessage();
            case DomainException e -> e.getMessage();
            default -> "The server could not start: " + (failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage());
        };
        log.info("Hosting: {}", message);
        return message;
    }
}
