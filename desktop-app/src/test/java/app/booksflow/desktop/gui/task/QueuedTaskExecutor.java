package app.booksflow.desktop.gui.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps each task until the test runs it, so a test can look at a screen between two tasks (what shows
 * before the second is done). Runs on the calling thread, callbacks included, like the synchronous one.
 */
public final class QueuedTaskExecutor extends AbstractTaskExecutor {

    private final Deque<BackgroundTask<?>> waiting = new ArrayDeque<>();

    public QueuedTaskExecutor() {
        super(failure -> {
            throw new IllegalStateException("Background task '" + failure.taskTitle() + "' failed and nothing handled it",
                    failure.error());
        });
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.claim();
        started(task);
        waiting.add(task);
    }

    /** The titles of the tasks waiting, oldest first. */
    public java.util.List<String> waitingTitles() {
        return waiting.stream().map(BackgroundTask::title).toList();
    }

    /** Runs the oldest waiting task and its callbacks (which may queue more). */
    public void runNext() {
        run(waiting.removeFirst());
    }

    /** Runs tasks until none waits. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            runNext();
        }
    }

    private <T> void run(BackgroundTask<T> task) {
        finished(task, task.run(Runnable::run));
    }

    @Override
    public void shutdown() {
        waiting.clear();
        cancelAllRunning();
    }
}
