package app.booksflow.desktop.gui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs tasks on a few daemon threads and brings their results, failures and progress back to the FX
 * thread. Few threads on purpose: the work is disk, H2 and OCR on a laptop, where more threads mostly
 * make each other slower; daemon threads, so unfinished work never keeps a closed app alive.
 */
public final class FxTaskExecutor extends AbstractTaskExecutor {

    private final ExecutorService workers;

    /** {@code unhandledFailures} runs on the FX thread for failures no task handled (after they are logged). */
    public FxTaskExecutor(int threads, Consumer<TaskFailure> unhandledFailures) {
        super(unhandledFailures);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreads());
        // Idle threads end, so an app that sits open all day holds none.
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** Two threads, or three on machines with many cores. */
    public static FxTaskExecutor withDefaultThreads(Consumer<TaskFailure> unhandledFailures) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new FxTaskExecutor(cores >= 8 ? 3 : 2, unhandledFailures);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (workers.isShutdown()) {
            dropAfterShutdown(task);
            return;
        }
        task.claim();
        onFxThread(() -> started(task));
        workers.execute(() -> {
            BackgroundTask.Outcome<T> outcome = task.run(Platform::runLater);
            Platform.runLater(() -> finished(task, outcome));
        });
    }

    /** Call on the FX thread. */
    @Override
    public void shutdown() {
        cancelAllRunning();
        workers.shutdownNow();
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "booksflow-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
