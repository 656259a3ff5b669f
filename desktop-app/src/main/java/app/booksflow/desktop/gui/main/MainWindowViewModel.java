package app.booksflow.desktop.gui.main;

import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The shell's state: which screen is shown and what the status bar says (connection, last save,
 * background work). Knows no controls; the view binds to it.
 */
public final class MainWindowViewModel {

    private final TaskExecutor taskExecutor;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Screen> currentScreen = new ReadOnlyObjectWrapper<>(this, "currentScreen", Screen.PRACTICE);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", false);
    private final ReadOnlyStringWrapper syncStatus = new ReadOnlyStringWrapper(this, "syncStatus");
    private final ObjectProperty<Instant> lastSavedAt = new SimpleObjectProperty<>(this, "lastSavedAt");
    private final ReadOnlyStringWrapper lastSavedText = new ReadOnlyStringWrapper(this, "lastSavedText");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ReadOnlyStringWrapper syncDetail = new ReadOnlyStringWrapper(this, "syncDetail",
            "Changes are kept on this computer and sent to the server once sync is set up and reachable.");
    private final ReadOnlyStringWrapper inboxText = new ReadOnlyStringWrapper(this, "inboxText", "");
    private SyncStatusViewModel sync;

    private final ReadOnlyObjectWrapper<BackgroundTask<?>> activeTask = new ReadOnlyObjectWrapper<>(this, "activeTask");
    private final ReadOnlyDoubleWrapper taskProgress = new ReadOnlyDoubleWrapper(this, "taskProgress", 0);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");

    public MainWindowViewModel(ObservableValue<Settings> settings, TaskExecutor taskExecutor, Clock clock) {
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        // No sync client exists yet, so the app is always offline; the text says whether a server is configured.
        syncStatus.bind(Bindings.createStringBinding(() -> settings.getValue().syncServer()
                .map(server -> "Offline · not connected to " + server.uri().getHost())
                .orElse("Offline · Sync not set up"), settings));
        lastSavedText.bind(Bindings.createStringBinding(this::describeLastSave, lastSavedAt));
        taskExecutor.runningTasks().addListener((ListChangeListener<BackgroundTask<?>>) change -> followNewestTask());
        followNewestTask();
    }

    public List<Screen> screens() {
        return List.of(Screen.values());
    }

    public ReadOnlyObjectProperty<Screen> currentScreenProperty() {
        return currentScreen.getReadOnlyProperty();
    }

    public void navigate(Screen screen) {
        currentScreen.set(Objects.requireNonNull(screen));
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncStatusProperty() {
        return syncStatus.getReadOnlyProperty();
    }

    /** From now on the status bar shows what the sync engine of the open books reports. */
    public void followSync(SyncStatusViewModel engineStatus) {
        sync = Objects.requireNonNull(engineStatus);
        syncStatus.bind(engineStatus.textProperty());
        syncDetail.bind(engineStatus.detailProperty());
        inboxText.bind(engineStatus.inboxTextProperty());
    }

    /** The sync status's tooltip: the last problem's reason or what the state means. */
    public ReadOnlyStringProperty syncDetailProperty() {
        return syncDetail.getReadOnlyProperty();
    }

    /** "2 items in the inbox", empty when nothing waits there. */
    public ReadOnlyStringProperty inboxTextProperty() {
        return inboxText.getReadOnlyProperty();
    }

    /** "Sync now" (F5): does nothing before the books are open. */
    public void syncNow() {
        if (sync != null) {
            sync.syncNow();
        }
    }

    /** Set by the services that write the books (on the FX thread, e.g. from a task's onSuccess). */
    public ObjectProperty<Instant> lastSavedAtProperty() {
        return lastSavedAt;
    }

    public ReadOnlyStringProperty lastSavedTextProperty() {
        return lastSavedText.getReadOnlyProperty();
    }

    /** Something the user should know that is not an error of their own doing (e.g. a settings file was ignored). */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** The newest unfinished background task, or null; its title and progress are what the status bar shows. */
    public ReadOnlyObjectProperty<BackgroundTask<?>> activeTaskProperty() {
        return activeTask.getReadOnlyProperty();
    }

    /** Progress of the active task for a progress bar: 0 when idle, -1 when the amount is unknown. */
    public ReadOnlyDoubleProperty taskProgressProperty() {
        return taskProgress.getReadOnlyProperty();
    }

    /** The status bar's text: the work in progress, else a notice, else "Ready". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public void cancelActiveTask() {
        BackgroundTask<?> task = activeTask.get();
        if (task != null) {
            task.cancel();
        }
    }

    private void followNewestTask() {
        ObservableList<BackgroundTask<?>> running = taskExecutor.runningTasks();
        BackgroundTask<?> newest = running.isEmpty() ? null : running.get(running.size() - 1);
        activeTask.set(newest);
        taskProgress.unbind();
        statusText.unbind();
        if (newest == null) {
            taskProgress.set(0);
            statusText.bind(Bindings.when(notice.isEmpty()).then("Ready").otherwise(notice));
            return;
        }
        taskProgress.bind(newest.progressProperty());
        int others = running.size() - 1;
        statusText.bind(Bindings.createStringBinding(() -> {
            String message = newest.messageProperty().get();
            return newest.title() + (message.isEmpty() ? "…" : ": " + message)
                    + (others > 0 ? " (and " + others + " more)" : "");
        }, newest.messageProperty()));
    }

    private String describeLastSave() {
        Instant saved = lastSavedAt.get();
        if (saved == null) {
            return "Nothing saved yet";
        }
        ZonedDateTime local = saved.atZone(clock.getZone());
        if (local.toLocalDate().equals(LocalDate.now(clock))) {
            return "Saved at " + DateTimeFormatter.ofPattern("HH:mm:ss").format(local);
        }
        return "Saved " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).format(local);
    }
}
