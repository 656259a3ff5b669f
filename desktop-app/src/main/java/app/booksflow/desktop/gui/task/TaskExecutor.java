package app.booksflow.desktop.gui.task;

import javafx.collections.ObservableList;

/**
 * The one way the GUI runs work off the FX thread. The app uses {@link FxTaskExecutor}; ViewModel
 * tests use {@link SynchronousTaskExecutor}, so they run deterministically without a toolkit.
 */
public interface TaskExecutor {

    /** Starts the task; its callbacks arrive later on the UI thread (at once, with the synchronous executor). */
    <T> void execute(BackgroundTask<T> task);

    /**
     * Tasks started and not finished yet, oldest first, for the status bar. Changes on the UI thread
     * only, so it can be bound to controls.
     */
    ObservableList<BackgroundTask<?>> runningTasks();

    /** Cancels what is running, drops what waits and any task asked for later. For the app's exit. */
    void shutdown();
}
