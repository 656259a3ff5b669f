package app.booksflow.desktop.gui.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both executors share: the list of running tasks and where a task's end is reported. */
abstract class AbstractTaskExecutor implements TaskExecutor {

    private static final Logger log = LoggerFactory.getLogger(TaskExecutor.class);

    /**
     * A task asked for after {@link #shutdown()}: the app is closing and a screen still being drawn
     * (a list cell wanting its thumbnail) may ask for work whose result nobody would see. It is dropped
     * without running or calling back.
     */
    static void dropAfterShutdown(BackgroundTask<?> task) {
        log.debug("Dropped '{}': the app is closing", task.title());
    }

    private final ObservableList<BackgroundTask<?>> running = FXCollections.observableArrayList();
    private final ObservableList<BackgroundTask<?>> runningView = FXCollections.unmodifiableObservableList(running);
    private final Consumer<TaskFailure> unhandledFailures;

    AbstractTaskExecutor(Consumer<TaskFailure> unhandledFailures) {
        this.unhandledFailures = Objects.requireNonNull(unhandledFailures, "unhandledFailures");
    }

    @Override
    public ObservableList<BackgroundTask<?>> runningTasks() {
        return runningView;
    }

    /** On the UI thread. */
    void started(BackgroundTask<?> task) {
        running.add(task);
    }

    /** On the UI thread: ends the task and makes sure no failure goes unseen. */
    <T> void finished(BackgroundTask<T> task, BackgroundTask.Outcome<T> outcome) {
        running.remove(task);
        if (outcome instanceof BackgroundTask.Outcome.Failed<T> failed && task.hasFailureHandler()) {
            // Handled failures are often expected (server unreachable); the stack trace still helps a bug report.
            log.warn("'{}' failed: {}", task.title(), failed.error().toString());
            log.debug("'{}' failed", task.title(), failed.error());
        }
        Throwable unhandled = task.finish(outcome);
        if (unhandled != null) {
            log.error("'{}' failed and nothing handled it", task.title(), unhandled);
            unhandledFailures.accept(new TaskFailure(task.title(), unhandled));
        }
    }

    void cancelAllRunning() {
        running.forEach(BackgroundTask::cancel);
    }
}
