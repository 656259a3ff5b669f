package app.booksflow.desktop.gui.receipts;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.FailureMessages;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.receipts.imports.ImportFileState;
import app.booksflow.desktop.receipts.imports.ImportSnapshot;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.receipts.imports.WatchFolder;
import app.booksflow.desktop.settings.ReceiptWatch;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.model.id.ClientId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Bulk import of receipts for the Receipts screen: a folder or dropped files are queued for the shown
 * client and read in the background by one task on the app's executor, while the user keeps working.
 * Progress reaches the FX thread at most once per {@code throttle} (one snapshot of the import, however
 * many files changed meanwhile): each file's state and reason, the count, the rate, the time left; the
 * files that failed or were duplicates are listed with their reasons. Pause, resume and cancel act on
 * the imports still going. The watch folder (one, for one client, kept in the settings) queues the files
 * that arrive in it.
 */
public final class ReceiptImportViewModel {

    /** How often the shown receipts are read again while receipts are being added. */
    static final Duration RECEIPTS_REFRESH = Duration.ofSeconds(10);
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final ReceiptImporter importer;
    private final TaskExecutor taskExecutor;
    private final ObjectProperty<Settings> settings;
    private final SettingsStore settingsStore;
    private final ThrottledUpdates<ImportSnapshot> updates;
    private final Executor uiThread;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private final ObservableList<ImportFileRow> files = FXCollections.observableArrayList(
            row -> new Observable[] {row.stateProperty()});
    private final FilteredList<ImportFileRow> problems = new FilteredList<>(files, ImportFileRow::isProblem);
    private final Map<Long, ImportFileRow> rowsById = new HashMap<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "");
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper(this, "timeLeft", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper watchText = new ReadOnlyStringWrapper(this, "watchText", "");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching", false);

    private Runnable onReceiptsAdded = () -> { };
    private ImportSnapshot shownSnapshot = ImportSnapshot.EMPTY;
    private BackgroundTask<Void> runner;
    private volatile boolean stopping;
    private volatile BackgroundTask.Progress runnerProgress;
    private int doneShown;
    private long receiptsRefreshedAt;
    private WatchFolder watch;

    /**
     * @param uiThread where progress is applied (the FX thread, or the test's own with a zero throttle)
     * @param throttle at most one progress update per this interval
     */
    public ReceiptImportViewModel(ReceiptImporter importer, TaskExecutor taskExecutor, Executor uiThread,
            Duration throttle, ObjectProperty<Settings> settings, SettingsStore settingsStore) {
        this.importer = Objects.requireNonNull(importer);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.settings = Objects.requireNonNull(settings);
        this.settingsStore = settingsStore;
        this.uiThread = Objects.requireNonNull(uiThread);
        client.addListener((observable, old, chosen) -> showWatch());
        this.updates = new ThrottledUpdates<>(throttle, uiThread, importer::snapshot, this::show);
        importer.addListener(updates::changed);
        showWatch();
    }

    /** Called with nothing to pass when receipts were added, at most every few seconds and at the end. */
    public void onReceiptsAdded(Runnable action) {
        this.onReceiptsAdded = Objects.requireNonNull(action);
    }

    /** Takes up imports a previous session left unfinished, and the watch folder. */
    public void start() {
        BackgroundTask.of("Looking for unfinished imports", importer::load)
                .onSuccess(waiting -> {
                    if (waiting > 0) {
                        message.set(waiting + " files of an earlier import are imported now.");
                        ensureRunning();
                    }
                    settings.get().receiptWatch().ifPresent(this::startWatching);
                })
                .onFailure(error -> message.set(FailureMessages.of(error, "Unfinished imports could not be read")))
                .executeWith(taskExecutor);
    }

    /** Imports a folder with its subfolders for the shown client. */
    public void importFolder(Path folder) {
        importPaths(List.of(folder), folder.toAbsolutePath().normalize().toString());
    }

    /** Imports dropped files and folders for the shown client. */
    public void importDropped(List<Path> paths) {
        if (paths.size() == 1 && Files.isDirectory(paths.get(0))) {
            importFolder(paths.get(0));
        } else {
            importPaths(paths, paths.size() == 1 ? paths.get(0).toString() : paths.size() + " dropped files");
        }
    }

    private void importPaths(List<Path> paths, String source) {
        ClientId chosen = client.get();
        if (chosen == null) {
            message.set("Choose a client on the Practice screen before importing receipts.");
            return;
        }
        if (paths.isEmpty()) {
            return;
        }
        message.set("Looking for receipt files in " + source + "…");
        BackgroundTask.of("Finding receipt files", () -> importer.importPaths(chosen, paths, source))
                .onSuccess(batch -> {
                    message.set("");
                    ensureRunning();
                })
                .onFailure(error -> message.set(FailureMessages.of(error, "The files could not be queued")))
                .executeWith(taskExecutor);
    }

    /** Starts reading the queue unless a run is going on; one run at a time. */
    private void ensureRunning() {
        if (runner != null || stopping) {
            return;
        }
        BackgroundTask<Void> task = BackgroundTask.withProgress("Importing receipts", work -> {
            // The status bar's progress follows the throttled snapshots (show), not every file's change.
            runnerProgress = work;
            try {
                importer.runUntilIdle(() -> stopping || work.isCancelled());
            } finally {
                runnerProgress = null;
            }
            return null;
        });
        task.onSuccess(nothing -> {
                    if (runner == task) {
                        runner = null;
                    }
                    // Files queued as the run was ending, or resumed: the next run takes them.
                    if (importer.waiting() > 0) {
                        ensureRunning();
                    }
                })
                .onFailure(error -> {
                    if (runner == task) {
                        runner = null;
                    }
                    message.set(FailureMessages.of(error, "The import stopped")
                            + " The files not read yet stay queued.");
                })
                .onCancelled(() -> {
                    if (runner == task) {
                        runner = null;
                    }
                });
        runner = task;
        taskExecutor.execute(task);
    }

    /** Pauses the imports still going: files being read finish, the others wait. */
    public void pause() {
        List<UUID> going = unfinished(false);
        BackgroundTask.of("Pausing the import", () -> {
                    going.forEach(importer::pause);
                    return null;
                })
                .onFailure(error -> message.set(FailureMessages.of(error, "The import could not be paused")))
                .executeWith(taskExecutor);
    }

    public void resume() {
        List<UUID> pausedBatches = unfinished(true);
        BackgroundTask.of("Resuming the import", () -> {
                    pausedBatches.forEach(importer::resume);
                    return null;
                })
                .onSuccess(nothing -> ensureRunning())
                .onFailure(error -> message.set(FailureMessages.of(error, "The import could not be resumed")))
                .executeWith(taskExecutor);
    }

    /**
     * Cancels the imports still going: the files not read yet end as cancelled (importing the folder again
     * imports them, and reports the others as duplicates); files being read finish.
     */
    public void cancel() {
        List<UUID> going = new ArrayList<>(unfinished(false));
        going.addAll(unfinished(true));
        BackgroundTask.of("Cancelling the import", () -> going.stream().mapToInt(importer::cancel).sum())
                .onSuccess(cancelled -> message.set(cancelled + (cancelled == 1 ? " file was" : " files were")
                        + " not imported."))
                .onFailure(error -> message.set(FailureMessages.of(error, "The import could not be cancelled")))
                .executeWith(taskExecutor);
    }

    /** Takes the finished imports off the list. */
    public void clearFinished() {
        importer.clearFinished();
        message.set("");
    }

    private List<UUID> unfinished(boolean pausedOnes) {
        return shownSnapshot.batches().stream().filter(batch -> !batch.isFinished() && batch.paused() == pausedOnes)
                .map(ImportSnapshot.Batch::id).toList();
    }

    /** On the UI thread: the import as it is now. */
    private void show(ImportSnapshot snapshot) {
        shownSnapshot = snapshot;
        Set<Long> present = new HashSet<>();
        List<ImportFileRow> added = new ArrayList<>();
        for (ImportSnapshot.Batch batch : snapshot.batches()) {
            for (ImportSnapshot.File file : batch.files()) {
                present.add(file.id());
                ImportFileRow row = rowsById.get(file.id());
                if (row == null) {
                    row = new ImportFileRow(file.id(), file.path(), file.state(), file.reason().orElse(null));
                    rowsById.put(file.id(), row);
                    added.add(row);
                } else if (row.stateProperty().get() != file.state()
                        || !row.reasonProperty().get().equals(file.reason().orElse(""))) {
                    row.update(file.state(), file.reason().orElse(null));
                }
            }
        }
        if (rowsById.size() > present.size()) {
            rowsById.keySet().retainAll(present);
            files.removeIf(row -> !present.contains(row.id()));
        }
        files.addAll(added);

        int total = snapshot.total();
        int finished = snapshot.finished();
        BackgroundTask.Progress running = runnerProgress;
        if (running != null) {
            running.update(finished, total);
        }
        int done = snapshot.count(ImportFileState.DONE);
        shown.set(total > 0);
        busy.set(snapshot.isBusy());
        paused.set(!unfinished(true).isEmpty() && unfinished(false).isEmpty());
        progress.set(total == 0 ? 0 : (double) finished / total);
        count.set(total == 0 ? "" : countText(snapshot, finished, total));
        rate.set(snapshot.filesPerMinute() > 0 && busy.get()
                ? String.format(Locale.ROOT, "%.0f files/min", snapshot.filesPerMinute()) : "");
        timeLeft.set(paused.get() ? "Paused" : snapshot.timeLeft().map(ReceiptImportViewModel::timeLeftText).orElse(""));

        long now = System.nanoTime();
        if (done > doneShown && (!snapshot.isBusy() || now - receiptsRefreshedAt > RECEIPTS_REFRESH.toNanos())) {
            doneShown = done;
            receiptsRefreshedAt = now;
            onReceiptsAdded.run();
        } else if (done < doneShown) {
            doneShown = done;
        }
    }

    private static String countText(ImportSnapshot snapshot, int finished, int total) {
        StringBuilder text = new StringBuilder().append(finished).append(" of ").append(total).append(" files");
        append(text, snapshot.count(ImportFileState.DONE), "imported");
        append(text, snapshot.count(ImportFileState.FAILED), "failed");
        append(text, snapshot.count(ImportFileState.DUPLICATE), snapshot.count(ImportFileState.DUPLICATE) == 1
                ? "duplicate" : "duplicates");
        append(text, snapshot.count(ImportFileState.CANCELLED), "cancelled");
        return text.toString();
    }

    private static void append(StringBuilder text, int number, String what) {
        if (number > 0) {
            text.append(" · ").append(number).append(' ').append(what);
        }
    }

    static String timeLeftText(Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return "less than a minute left";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 90) {
            return "about " + minutes + " min left";
        }
        return String.format(Locale.ROOT, "about %.1f h left", minutes / 60.0);
    }

    // ---- Watch folder ----

    /** Watches the folder for the shown client from now on, and at every start. */
    public void watchFolder(Path folder) {
        ClientId chosen = client.get();
        if (chosen == null) {
            message.set("Choose a client on the Practice screen before choosing a watch folder.");
            return;
        }
        saveWatch(Optional.of(new ReceiptWatch(folder.toAbsolutePath().normalize(), chosen.value())));
    }

    public void stopWatching() {
        saveWatch(Optional.empty());
    }

    private void saveWatch(Optional<ReceiptWatch> chosen) {
        Settings changed = settings.get().withReceiptWatch(chosen);
        BackgroundTask.of("Saving the watch folder", () -> {
                    if (settingsStore != null) {
                        settingsStore.save(changed);
                    }
                    return changed;
                })
                .onSuccess(saved -> {
                    settings.set(saved);
                    stopWatch();
                    chosen.ifPresent(this::startWatching);
                    showWatch();
                })
                .onFailure(error -> message.set(FailureMessages.of(error, "The watch folder could not be saved")))
                .executeWith(taskExecutor);
    }

    private void startWatching(ReceiptWatch chosen) {
        stopWatch();
        watch = WatchFolder.start(importer, new ClientId(chosen.client()), chosen.folder(), WATCH_INTERVAL,
                queued -> uiThread.execute(this::ensureRunning));
        showWatch();
    }

    /** On the UI thread: which folder is watched, and for whom. */
    private void showWatch() {
        Optional<ReceiptWatch> chosen = settings.get().receiptWatch();
        watching.set(chosen.isPresent());
        watchText.set(chosen.map(w -> "Watching " + w.folder() + (client.get() != null
                && !client.get().value().equals(w.client()) ? " for another client" : "")).orElse(""));
    }

    private void stopWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** Stops reading (files being read go back to the queue), the watch folder and the OCR engine. For the app's exit. */
    public void shutdown() {
        stopping = true;
        stopWatch();
        updates.close();
        try {
            importer.awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        importer.close();
    }

    // ---- Properties ----

    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    /** Every file of this session's imports, in order. */
    public ObservableList<ImportFileRow> files() {
        return files;
    }

    /** The files that failed or were duplicates, with their reasons. */
    public ObservableList<ImportFileRow> problems() {
        return problems;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty watchTextProperty() {
        return watchText.getReadOnlyProperty();
    }

    /** True once there is an import to show in this session. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True while files are queued or being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }
}
