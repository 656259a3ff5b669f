package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's view of the threads, read from Linux's /proc: the nice value of each thread. */
class BackgroundPriorityTest {

    @TempDir
    Path folder;

    @Test
    void aLoweredThreadRunsAtTheBackgroundNiceValueAndOthersDoNot() throws Exception {
        assumeLinux();
        int started = niceOfCurrentThread(); // 0, or more when the build itself runs niced
        AtomicBoolean lowered = new AtomicBoolean();
        AtomicInteger nice = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = Thread.ofPlatform().start(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            nice.set(niceOfCurrentThread());
        });
        thread.join();

        assertThat(lowered).isTrue();
        assertThat(nice.get()).isEqualTo(BackgroundPriority.behind(started));
        assertThat(niceOfCurrentThread()).as("the calling thread is untouched").isEqualTo(started);
    }

    @Test
    void theBackgroundIsBehindTheThreadsOwnPriorityNeverAheadOfIt() {
        assertThat(BackgroundPriority.behind(0)).isEqualTo(10);
        assertThat(BackgroundPriority.behind(5)).isEqualTo(15);
        assertThat(BackgroundPriority.behind(12)).as("Linux's lowest").isEqualTo(19);
        assertThat(BackgroundPriority.behind(19)).isEqualTo(19);
        assertThat(BackgroundPriority.behind(-5)).as("an app raised by its admin").isEqualTo(5);
    }

    @Test
    void theOcrEnginesWorkersRunBehindTheWindow() throws Exception {
        assumeLinux();
        int started = niceOfCurrentThread();
        try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(2))) {
            List<Path> files = List.of(ReceiptFiles.png(folder, "a.png", ReceiptFiles.RECEIPT),
                    ReceiptFiles.png(folder, "b.png", ReceiptFiles.RECEIPT));
            for (var future : files.stream().map(engine::submit).toList()) {
                assertThat(future.get()).isInstanceOf(OcrOutcome.Read.class);
            }

            List<Integer> workers = niceOfThreadsNamed("ocr-worker-");
            assertThat(workers).isNotEmpty().allMatch(value -> value == BackgroundPriority.behind(started));
        }
        assertThat(niceOfCurrentThread()).isEqualTo(started);
    }

    private static void assumeLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only: other systems have no per-thread nice value");
    }

    private static int niceOfCurrentThread() {
        try {
            return nice(Files.readString(Path.of("/proc/thread-self/stat")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nice values of this process's threads whose name starts with the prefix. */
    private static List<Integer> niceOfThreadsNamed(String prefix) throws IOException {
        List<Integer> values = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().startsWith(prefix)) {
                        values.add(nice(Files.readString(task.resolve("stat"))));
                    }
                } catch (IOException gone) {
                    // the thread ended while being listed
                }
            }
        }
        return values;
    }

    /** Field 19 of proc(5)'s stat line; the fields are counted after the command name in brackets. */
    private static int nice(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
