package app.booksflow.desktop.gui.receipts;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings a stream of changes made on other threads to the UI thread at most once per interval: any
 * number of changes in between become one reading of the latest state (taken off the UI thread) and
 * one task on the UI thread. With a zero interval every change is delivered at once, on the thread
 * that made it (for ViewModel tests).
 */
final class ThrottledUpdates<T> implements AutoCloseable {

    private final long intervalNanos;
    private final Executor uiThread;
    private final Supplier<T> read;
    private final Consumer<T> apply;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastDelivered = System.nanoTime() - Long.MAX_VALUE / 2;

    ThrottledUpdates(Duration interval, Executor uiThread, Supplier<T> read, Consumer<T> apply) {
        this.intervalNanos = interval.toNanos();
        this.uiThread = uiThread;
        this.read = read;
        this.apply = apply;
        this.timer = interval.isZero() ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Something changed; safe from any thread, cheap when an update is already on its way. */
    void changed() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        if (timer == null) {
            deliver();
            return;
        }
        long wait = Math.max(0, lastDelivered + intervalNanos - System.nanoTime());
        timer.schedule(this::deliver, wait, TimeUnit.NANOSECONDS);
    }

    private void deliver() {
        scheduled.set(false);
        lastDelivered = System.nanoTime();
        T latest = read.get();
        uiThread.execute(() -> apply.accept(latest));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
