package app.booksflow.desktop.gui.sync;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's handle on sync: starts the {@link SyncEngine} of the open books off the FX thread, and
 * turns what the engine reports from its own threads into the status bar's words on the UI thread
 * (reports that arrive faster than the UI takes them are merged: only the newest is shown).
 */
public final class SyncStatusViewModel {

    private static final Logger log = LoggerFactory.getLogger(SyncStatusViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Executor uiThread;
    private final Clock clock;

    private final AtomicReference<SyncStatus> arriving = new AtomicReference<>();
    /** The engine as soon as it exists, for closing it also when the window closes while it starts. */
    private final AtomicReference<SyncEngine> started = new AtomicReference<>();
    private volatile boolean closed;

    private final ReadOnlyObjectWrapper<SyncEngine> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private final ReadOnlyObjectWrapper<LedgerServices> ledger = new ReadOnlyObjectWrapper<>(this, "ledger");
    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            SyncStatus.notSignedIn());
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail");
    private final ReadOnlyLongWrapper inboxCount = new ReadOnlyLongWrapper(this, "inboxCount");
    private final ReadOnlyStringWrapper inboxText = new ReadOnlyStringWrapper(this, "inboxText", "");

    /** @param uiThread where the engine's reports are handed over: {@code Platform::runLater} in the app */
    public SyncStatusViewModel(ObservableValue<Settings> settings, TaskExecutor taskExecutor, Executor uiThread,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.clock = Objects.requireNonNull(clock);
        text.bind(Bindings.createStringBinding(() -> describe(status.get()), status, settings));
        detail.bind(Bindings.createStringBinding(() -> explain(status.get()), status));
        inboxCount.bind(Bindings.createLongBinding(() -> status.get().inboxItems(), status));
        inboxText.bind(Bindings.createStringBinding(() -> inboxCount.get() == 0 ? ""
                : inboxCount.get() == 1 ? "1 item in the inbox" : inboxCount.get() + " items in the inbox", inboxCount));
    }

    /**
     * Creates the engine of the open books (its first reading of the books happens here, off the FX
     * thread), listens to it and starts its loops. Books without a sync account make no network call.
     */
    public void start(LedgerServices books, Function<LedgerServices, SyncEngine> create) {
        BackgroundTask.of("Starting sync", () -> {
            SyncEngine created = create.apply(books);
            created.onStatus(this::report);
            synchronized (started) {
                // The window may have closed meanwhile: then the loops must not start at all.
                if (closed) {
                    created.close();
                    return created;
                }
                started.set(created);
                created.start();
            }
            return created;
        }).onSuccess(created -> {
            ledger.set(books);
            engine.set(created);
        }).onFailure(error -> {
            log.error("Sync could not be started", error);
            show(new SyncStatus(SyncStatus.State.NOT_SIGNED_IN, 0, 0, Optional.empty(),
                    Optional.of("Sync could not be started: " + error.getMessage())));
        }).executeWith(taskExecutor);
    }

    /** Called by the engine from its threads: the newest report is shown on the UI thread. */
    void report(SyncStatus reported) {
        if (arriving.getAndSet(reported) == null) {
            uiThread.execute(() -> {
                SyncStatus newest = arriving.getAndSet(null);
                if (newest != null) {
                    show(newest);
                }
            });
        }
    }

    /** Shows a status at once (UI thread). */
    public void show(SyncStatus shown) {
        status.set(Objects.requireNonNull(shown));
    }

    /** "Sync now": the engine pushes at once and ends any wait before its next try. Never blocks. */
    public void syncNow() {
        SyncEngine running = engine.get();
        if (running != null) {
            running.syncNow();
        }
    }

    /** Reads the counts again (after the inbox was settled here, which the engine does not see). */
    public void recount() {
        SyncEngine running = engine.get();
        if (running == null) {
            return;
        }
        BackgroundTask.of("Counting sync changes", running::status)
                .onSuccess(this::show)
                .onFailure(error -> log.warn("Sync counts not readable", error))
                .executeWith(taskExecutor);
    }

    /** Stops the engine's loops (the app's exit, before the books close). */
    public void close() {
        SyncEngine running;
        synchronized (started) {
            closed = true;
            running = started.getAndSet(null);
        }
        if (running != null) {
            running.close();
        }
    }

    public ReadOnlyObjectProperty<SyncEngine> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** The books the engine syncs; set together with the engine. */
    public ReadOnlyObjectProperty<LedgerServices> ledgerProperty() {
        return ledger.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status bar's words: "Online · 2 changes waiting · synced 10:42". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The tooltip: the last problem's reason, or what the state means. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty inboxCountProperty() {
        return inboxCount.getReadOnlyProperty();
    }

    /** "2 items in the inbox", empty when nothing waits there. */
    public ReadOnlyStringProperty inboxTextProperty() {
        return inboxText.getReadOnlyProperty();
    }

    private String describe(SyncStatus s) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (s.state()) {
            case NOT_SIGNED_IN -> settings.getValue().syncServer()
                    .map(server -> "Not signed in to " + server.uri().getHost()).orElse("Not signed in");
            case SYNCING -> s.sending().map(f -> String.format(settings.getValue().locale(), "Sending %s: %.1f of %.1f MB",
                    f.file(), f.sent() / 1e6, f.size() / 1e6)).or(() -> s.receiving().map(p -> String.format(
                    settings.getValue().locale(), "Receiving %,d of %,d changes", p.received(), p.waiting())))
                    .orElse("Syncing…");
            case ONLINE -> "Online";
            case OFFLINE -> "Offline";
            case SIGNED_OUT -> "Signed out – sign in again";
        });
        if (s.pendingChanges() > 0) {
            parts.add(s.pendingChanges() == 1 ? "1 change waiting" : s.pendingChanges() + " changes waiting");
        }
        s.lastSync().ifPresent(at -> parts.add("synced " + when(at)));
        boolean saysItAlready = s.state() == SyncStatus.State.OFFLINE || s.state() == SyncStatus.State.SIGNED_OUT;
        if (s.lastError().isPresent() && !saysItAlready) {
            parts.add("last try failed");
        }
        return String.join(" · ", parts);
    }

    private String when(Instant at) {
        ZonedDateTime local = at.atZone(clock.getZone());
        return local.toLocalDate().equals(LocalDate.now(clock)) ? TIME.format(local)
                : DAY_AND_TIME.withLocale(settings.getValue().locale()).format(local);
    }

    private static String explain(SyncStatus s) {
        if (s.lastError().isPresent()) {
            return "Last problem: " + s.lastError().get();
        }
        String state = switch (s.state()) {
            case NOT_SIGNED_IN -> "These books work offline. Sign in under Settings, Sync to share them with the "
                    + "practice's server.";
            case SYNCING -> "Sending and receiving changes.";
            case ONLINE -> "Up to date with the server; changes from other devices arrive within seconds.";
            case OFFLINE -> "The server cannot be reached. Changes are kept on this computer and sent once it can.";
            case SIGNED_OUT -> "The server no longer accepts this sign-in. Sign in again under Settings, Sync; "
                    + "changes are kept meanwhile.";
        };
        return s.notice().map(notice -> state + " " + notice).orElse(state);
    }
}
