package app.booksflow.desktop.gui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.gui.task.BackgroundTask.State;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SynchronousTaskExecutorTest {

    private final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();

    @Test
    void resultArrivesBeforeExecuteReturns() {
        List<String> results = new ArrayList<>();

        BackgroundTask<String> task = BackgroundTask.of("Greeting", () -> "hello").onSuccess(results::add).executeWith(executor);

        assertThat(results).containsExactly("hello");
        assertThat(task.stateProperty().get()).isEqualTo(State.SUCCEEDED);
        assertThat(task.progressProperty().get()).isEqualTo(1.0);
        assertThat(executor.runningTasks()).isEmpty();
    }

    @Test
    void failureGoesToTheTasksHandler() {
        AtomicReference<Throwable> failure = new AtomicReference<>();

        BackgroundTask<Object> task = BackgroundTask.of("Reading", () -> {
            throw new IOException("disk gone");
        }).onFailure(failure::set).executeWith(executor);

        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(task.stateProperty().get()).isEqualTo(State.FAILED);
    }

    @Test
    void unhandledFailureFailsTheCallerByDefault() {
        BackgroundTask<Object> task = BackgroundTask.of("Reading", () -> {
            throw new IOException("disk gone");
        });

        assertThatThrownBy(() -> executor.execute(task))
                .hasMessageContaining("Reading")
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void unhandledFailureReachesTheExecutorsHandler() {
        List<TaskFailure> failures = new ArrayList<>();
        SynchronousTaskExecutor reporting = new SynchronousTaskExecutor(failures::add);

        BackgroundTask.of("Reading", () -> {
            throw new IOException("disk gone");
        }).executeWith(reporting);

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.taskTitle()).isEqualTo("Reading");
            assertThat(failure.error()).hasMessage("disk gone");
        });
    }

    @Test
    void exceptionInASuccessCallbackIsReportedNotLost() {
        List<TaskFailure> failures = new ArrayList<>();
        SynchronousTaskExecutor reporting = new SynchronousTaskExecutor(failures::add);

        BackgroundTask.of("Counting", () -> 1).onSuccess(result -> {
            throw new IllegalStateException("bug in callback");
        }).executeWith(reporting);

        assertThat(failures).singleElement().extracting(TaskFailure::error).asString().contains("bug in callback");
    }

    @Test
    void progressAndMessageAreVisibleWhileTheWorkRuns() {
        List<String> seen = new ArrayList<>();
        AtomicReference<BackgroundTask<Integer>> self = new AtomicReference<>();
        self.set(BackgroundTask.withProgress("Importing", progress -> {
            progress.message("file 1 of 4");
            progress.update(1, 4);
            BackgroundTask<Integer> task = self.get();
            seen.add(task.stateProperty().get() + " " + task.messageProperty().get() + " " + task.progressProperty().get());
            return 4;
        }));

        self.get().executeWith(executor);

        assertThat(seen).containsExactly("RUNNING file 1 of 4 0.25");
        assertThat(executor.runningTasks()).isEmpty();
    }

    @Test
    void runningTasksListTheTaskWhileItRuns() {
        List<Integer> sizes = new ArrayList<>();

        BackgroundTask.of("Looking", () -> sizes.add(executor.runningTasks().size())).executeWith(executor);

        assertThat(sizes).containsExactly(1);
    }

    @Test
    void workCancelledWhileRunningDropsItsResult() {
        List<String> events = new ArrayList<>();
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        self.set(BackgroundTask.withProgress("Long job", progress -> {
            self.get().cancel();
            events.add("sees cancel: " + progress.isCancelled());
            return "late result";
        }).onSuccess(events::add).onCancelled(() -> events.add("cancelled")));

        self.get().executeWith(executor);

        assertThat(events).containsExactly("sees cancel: true", "cancelled");
        assertThat(self.get().stateProperty().get()).isEqualTo(State.CANCELLED);
    }

    @Test
    void taskCancelledBeforeItStartsNeverRuns() {
        List<String> events = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("Never", () -> {
            events.add("ran");
            return "x";
        }).onCancelled(() -> events.add("cancelled"));

        task.cancel();
        executor.execute(task);

        assertThat(events).containsExactly("cancelled");
    }

    @Test
    void stopIfCancelledEndsTheWorkAsCancelledNotFailed() {
        List<String> events = new ArrayList<>();
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        self.set(BackgroundTask.withProgress("Batch", progress -> {
            self.get().cancel();
            progress.stopIfCancelled();
            return "unreachable";
        }).onFailure(error -> events.add("failed")).onCancelled(() -> events.add("cancelled")));

        self.get().executeWith(executor);

        assertThat(events).containsExactly("cancelled");
    }

    @Test
    void aTaskRunsOnlyOnce() {
        BackgroundTask<Integer> task = BackgroundTask.of("Once", () -> 1);
        executor.execute(task);

        assertThatThrownBy(() -> executor.execute(task)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void workAskedForAfterShutdownIsDroppedWithoutRunningOrCallingBack() {
        executor.shutdown();
        AtomicInteger calls = new AtomicInteger();

        executor.execute(BackgroundTask.of("Late", calls::incrementAndGet)
                .onSuccess(value -> calls.addAndGet(10))
                .onFailure(error -> calls.addAndGet(100)));

        assertThat(calls).hasValue(0);
        assertThat(executor.runningTasks()).isEmpty();
    }
}
