package app.booksflow.desktop.gui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A piece of work that must not run on the FX thread (files, database, network, OCR), with what to do
 * with its result. Built by a ViewModel, run by whichever {@link TaskExecutor} it was given:
 *
 * <pre>{@code
 * BackgroundTask.of("Saving settings", () -> { store.save(settings); return settings; })
 *         .onSuccess(saved::set)
 *         .onFailure(error -> problem.set(error.getMessage()))
 *         .executeWith(taskExecutor);
 * }</pre>
 *
 * <p>The work runs on a worker thread; the callbacks and every change of the properties happen on the
 * executor's UI thread, so they may touch bound properties directly. A task runs once.
 */
public final class BackgroundTask<T> {

    public enum State {
        WAITING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean isFinished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** Work that reports how far it got and looks at whether it should stop. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Given to the work on its own thread; cheap to call often (updates are merged before reaching the UI). */
    public interface Progress {
        void update(long done, long total);

        void message(String message);

        boolean isCancelled();

        /** Stops the work at a convenient point once the user has pressed Cancel. */
        default void stopIfCancelled() {
            if (isCancelled()) {
                throw new CancellationException();
            }
        }
    }

    /** The progress value for "busy, amount unknown", as in JavaFX's ProgressIndicator. */
    public static final double INDETERMINATE = -1;

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure;
    private Runnable onCancelled = () -> { };

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile boolean interruptOnCancel;
    private final AtomicReference<double[]> pendingProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private Thread worker;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Callable<T> callable) {
        Objects.requireNonNull(callable, "callable");
        return new BackgroundTask<>(title, progress -> callable.call());
    }

    public static <T> BackgroundTask<T> withProgress(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Without it, a failure goes to the executor's handler for unexpected failures (logged and shown). */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /**
     * Lets Cancel interrupt the worker thread, for work that blocks on a network or a lock and never
     * touches the local database. The default is cooperative only: an interrupt during H2's file I/O
     * closes the database file under every other user of the store.
     */
    public BackgroundTask<T> interruptOnCancel() {
        this.interruptOnCancel = true;
        return this;
    }

    public BackgroundTask<T> executeWith(TaskExecutor executor) {
        executor.execute(this);
        return this;
    }

    /**
     * Asks the work to stop: it sees {@link Progress#isCancelled()}, and its thread is interrupted only
     * when the task asked for it ({@link #interruptOnCancel()}). Safe from any thread. The result of
     * work that finishes anyway is dropped; onCancelled runs instead.
     */
    public void cancel() {
        cancelRequested.set(true);
        if (!interruptOnCancel) {
            return;
        }
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelRequested.get();
    }

    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** From 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "BackgroundTask[" + title + ", " + state.get() + "]";
    }

    /** How a run ended, carried from the worker thread to the UI thread. */
    sealed interface Outcome<T> {
        record Succeeded<T>(T result) implements Outcome<T> {
        }

        record Failed<T>(Throwable error) implements Outcome<T> {
        }

        record Cancelled<T>() implements Outcome<T> {
        }
    }

    /** Called by an executor before it takes the task on; a second executor (or a second run) is refused. */
    void claim() {
        if (!claimed.compareAndSet(false, true)) {
            throw new IllegalStateException("A background task runs once: " + title);
        }
    }

    /** Runs the work on the calling (worker) thread; property changes go through {@code uiThread}. */
    Outcome<T> run(Executor uiThread) {
        synchronized (this) {
            if (cancelRequested.get()) {
                return new Outcome.Cancelled<>();
            }
            worker = Thread.currentThread();
        }
        uiThread.execute(() -> state.set(State.RUNNING));
        try {
            T result = work.run(new Reporter(uiThread));
            return cancelRequested.get() ? new Outcome.Cancelled<>() : new Outcome.Succeeded<>(result);
        } catch (Throwable error) {
            // After Cancel, an exception is how interrupted work stops (InterruptedException, ClosedByInterrupt...).
            return cancelRequested.get() ? new Outcome.Cancelled<>() : new Outcome.Failed<>(error);
        } finally {
            synchronized (this) {
                worker = null;
                // A cancel that arrived as the work ended must not interrupt the pool thread's next task.
                Thread.interrupted();
            }
        }
    }

    /** On the UI thread: the final state and the callbacks. Returns the failure no callback took. */
    Throwable finish(Outcome<T> outcome) {
        try {
            switch (outcome) {
                case Outcome.Succeeded<T> succeeded -> {
                    progress.set(1);
                    state.set(State.SUCCEEDED);
                    onSuccess.accept(succeeded.result());
                }
                case Outcome.Failed<T> failed -> {
                    state.set(State.FAILED);
                    if (onFailure == null) {
                        return failed.error();
                    }
                    onFailure.accept(failed.error());
                }
                case Outcome.Cancelled<T> cancelled -> {
                    state.set(State.CANCELLED);
                    onCancelled.run();
                }
            }
            return null;
        } catch (RuntimeException | Error callbackError) {
            // A bug in a callback is a failure too; the executor reports it rather than losing it on the UI thread.
            return callbackError;
        }
    }

    boolean hasFailureHandler() {
        return onFailure != null;
    }

    private final class Reporter implements Progress {
        private final Executor uiThread;

        Reporter(Executor uiThread) {
            this.uiThread = uiThread;
        }

        @Override
        public void update(long done, long total) {
            double value = total <= 0 ? INDETERMINATE : Math.min(1.0, Math.max(0.0, (double) done / total));
            if (pendingProgress.getAndSet(new double[] {value}) == null) {
                uiThread.execute(() -> {
                    double[] latest = pendingProgress.getAndSet(null);
                    if (latest != null && !state.get().isFinished()) {
                        progress.set(latest[0]);
                    }
                });
            }
        }

        @Override
        public void message(String text) {
            if (pendingMessage.getAndSet(Objects.requireNonNull(text)) == null) {
                uiThread.execute(() -> {
                    String latest = pendingMessage.getAndSet(null);
                    if (latest != null && !state.get().isFinished()) {
                        message.set(latest);
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested.get();
        }
    }
}
