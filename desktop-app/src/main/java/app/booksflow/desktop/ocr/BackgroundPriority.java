package app.booksflow.desktop.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread behind the window's threads in the operating system's scheduler. An OCR
 * worker keeps a core busy for seconds at a time; on a machine with few cores the JavaFX thread then
 * waits for a core and the window stutters, whatever Java's own thread priority says.
 *
 * <p>Java's priority reaches the scheduler on Windows (below normal), but not on Linux, where HotSpot
 * ignores it unless started with special options. On Linux each thread has its own nice value, so the
 * worker raises its own by {@link #LINUX_NICE} over the one it was started with (the app's, 0 unless
 * the app itself was started niced; at most 19): with the window's threads at 0 it gets about a tenth of
 * a contended core and all of an idle one, so an import alone runs as fast as before. A nice value
 * cannot be lowered again without privileges, which is why only threads that live for OCR do this.
 * On macOS nothing is done: its per-thread background band would also move the work to efficiency cores
 * and slow every import.
 */
final class BackgroundPriority {

    /** How far behind the app's other threads OCR workers go in Linux's niceness (weight 110 against 1024). */
    static final int LINUX_NICE = 10;
    /** Linux's lowest priority. */
    static final int LINUX_NICEST = 19;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /** The C library calls used; on Linux a thread id given to setpriority means that thread alone. */
    private interface LinuxC extends Library {
        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int priority);
    }

    /**
     * Lowers the calling thread as far as this system allows. Never fails: the worst case is a window
     * that stutters under load, which is logged once per thread.
     *
     * @return whether the operating system's priority of the thread was changed
     */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.NORM_PRIORITY - 1);
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            LinuxC c = Native.load("c", LinuxC.class);
            int thread = c.gettid();
            // Behind the thread's own nice value, never ahead of it: an app started niced (or as root, who
            // may raise priorities) must not give its OCR more of the processor than its window.
            int target = behind(c.getpriority(PRIO_PROCESS, thread));
            if (c.setpriority(PRIO_PROCESS, thread, target) == 0) {
                return true;
            }
            LOG.info("The OCR thread {} keeps its normal priority: setpriority failed (errno {}).",
                    Thread.currentThread().getName(), Native.getLastError());
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.info("The OCR thread {} keeps its normal priority: {}", Thread.currentThread().getName(), e.toString());
        }
        return false;
    }

    /** The nice value {@link #LINUX_NICE} steps behind {@code current}, within Linux's range. */
    static int behind(int current) {
        return Math.min(LINUX_NICEST, current + LINUX_NICE);
    }
}
