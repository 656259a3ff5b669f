package app.booksflow.desktop.gui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.task.BackgroundTask.State;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real executor with the JavaFX toolkit running (headless, under Monocle). */
class FxTaskExecutorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<TaskFailure> unhandled = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final FxTaskExecutor executor = new FxTaskExecutor(2, failure -> {
        events.add("unhandled on FX thread: " + Platform.isFxApplicationThread());
        unhandled.add(failure);
    });

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDown() throws Exception {
        WaitForAsyncUtils.asyncFx(executor::shutdown).get(10, TimeUnit.SECONDS);
    }

    @Test
    void workRunsOnADaemonWorkerAndItsResultArrivesOnTheFxThread() {
        BackgroundTask.of("Where", () -> Thread.currentThread().getName() + " daemon=" + Thread.currentThread().isDaemon())
                .onSuccess(worker -> events.add(worker + " then FX thread: " + Platform.isFxApplicationThread()))
                .executeWith(executor);

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).singleElement().asString().matches("booksflow-worker-\\d+ daemon=true then FX thread: true");
    }

    @Test
    void failureArrivesOnTheFxThread() {
        BackgroundTask.of("Reading", () -> {
            throw new IOException("disk gone");
        }).onFailure(error -> events.add(error.getMessage() + " on FX thread: " + Platform.isFxApplicationThread()))
                .executeWith(executor);

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).containsExactly("disk gone on FX thread: true");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void unhandledFailureIsReportedOnTheFxThread() {
        BackgroundTask.of("Reading", () -> {
            throw new IOException("disk gone");
        }).executeWith(executor);

        await().atMost(PATIENCE).until(() -> !unhandled.isEmpty());
        assertThat(events).containsExactly("unhandled on FX thread: true");
        assertThat(unhandled).singleElement().extracting(TaskFailure::taskTitle).isEqualTo("Reading");
    }

    @Test
    void progressAndMessageChangeOnTheFxThreadWhileTheWorkRuns() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        BackgroundTask<String> task = BackgroundTask.withProgress("Importing", progress -> {
            progress.update(1, 2);
            progress.message("half way");
            reported.countDown();
            mayFinish.await();
            return "done";
        });
        task.progressProperty().addListener((observable, old, now) ->
                events.add("progress " + now + " on FX thread: " + Platform.isFxApplicationThread()));

        task.executeWith(executor);
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(PATIENCE).until(() -> onFx(() -> task.messageProperty().get()).equals("half way"));
        assertThat(onFx(() -> task.progressProperty().get())).isEqualTo(0.5);
        assertThat(onFx(() -> executor.runningTasks().contains(task))).isTrue();
        mayFinish.countDown();
        await().atMost(PATIENCE).until(() -> onFx(() -> task.stateProperty().get()) == State.SUCCEEDED);
        assertThat(events).containsExactly("progress 0.5 on FX thread: true", "progress 1.0 on FX thread: true");
        assertThat(onFx(executor::runningTasks)).isEmpty();
    }

    @Test
    void cancelLeavesTheWorkerThreadAloneByDefaultAndDropsTheResult() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        BackgroundTask<String> task = BackgroundTask.withProgress("Writing the books", progress -> {
            running.countDown();
            release.await(10, TimeUnit.SECONDS);
            interrupted.set(Thread.currentThread().isInterrupted());
            return progress.isCancelled() ? "saw the cancel" : "missed the cancel";
        }).onSuccess(result -> events.add("success")).onCancelled(() -> events.add("cancelled"));

        task.executeWith(executor);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        release.countDown();

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).containsExactly("cancelled");
        assertThat(interrupted).isFalse();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void cancelInterruptsBlockedWorkThatAskedForItAndDropsItsResult() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BackgroundTask<String> task = BackgroundTask.of("Waiting forever", () -> {
            running.countDown();
            new CountDownLatch(1).await();
            return "never";
        }).interruptOnCancel().onSuccess(result -> events.add("success")).onCancelled(() -> events.add("cancelled"));

        task.executeWith(executor);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        task.cancel();

        await().atMost(PATIENCE).until(() -> !events.isEmpty());
        assertThat(events).containsExactly("cancelled");
        assertThat(onFx(() -> task.stateProperty().get())).isEqualTo(State.CANCELLED);
        assertThat(unhandled).isEmpty();
    }

    @Test
    void workAskedForAfterShutdownIsDroppedWithoutRunningOrCallingBack() throws Exception {
        WaitForAsyncUtils.asyncFx(executor::shutdown).get(10, TimeUnit.SECONDS);
        AtomicInteger calls = new AtomicInteger();

        WaitForAsyncUtils.asyncFx(() -> executor.execute(BackgroundTask.of("Late", calls::incrementAndGet)
                .onSuccess(value -> calls.addAndGet(10))
                .onFailure(error -> calls.addAndGet(100)))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(calls).hasValue(0);
        assertThat(onFx(() -> executor.runningTasks().size())).isZero();
    }

    /** Reads FX-thread state from the FX thread, as the UI would. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
