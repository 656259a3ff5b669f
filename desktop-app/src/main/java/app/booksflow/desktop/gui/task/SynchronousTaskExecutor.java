package app.booksflow.desktop.gui.task;

import java.util.function.Consumer;

/**
 * Runs each task at once on the calling thread, callbacks included, so a ViewModel test sees the
 * result on the next line and needs no JavaFX toolkit.
 */
public final class SynchronousTaskExecutor extends AbstractTaskExecutor {

    private boolean shutDown;

    /** A failure that no task handles fails the test that caused it. */
    public SynchronousTaskExecutor() {
        this(failure -> {
            throw new IllegalStateException("Background task '" + failure.taskTitle() + "' failed and nothing handled it",
                    failure.error());
        });
    }

    public SynchronousTaskExecutor(Consumer<TaskFailure> unhandledFailures) {
        super(unhandledFailures);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (shutDown) {
            dropAfterShutdown(task);
            return;
        }
        task.claim();
        started(task);
        finished(task, task.run(Runnable::run));
    }

    @Override
    public void shutdown() {
        shutDown = true;
        cancelAllRunning();
    }
}
