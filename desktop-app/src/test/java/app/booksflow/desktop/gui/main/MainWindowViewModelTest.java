package app.booksflow.desktop.gui.main;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SyncServerAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);

    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(
            Settings.defaults(new AppDirectories(Path.of("/cfg"), Path.of("/data"))));
    private final SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
    private final MainWindowViewModel viewModel = new MainWindowViewModel(settings, executor, CLOCK);

    @Test
    void offersTheEightScreensInShortcutOrderAndStartsOnPractice() {
        assertThat(viewModel.screens()).extracting(Screen::title).containsExactly(
                "Practice", "Dashboard", "Transactions", "Receipts", "Audit trail", "Reports", "Settings", "Inbox");
        assertThat(viewModel.screens()).extracting(Screen::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(viewModel.currentScreenProperty().get()).isEqualTo(Screen.PRACTICE);
    }

    @Test
    void navigateChangesTheScreen() {
        viewModel.navigate(Screen.SETTINGS);

        assertThat(viewModel.currentScreenProperty().get()).isEqualTo(Screen.SETTINGS);
    }

    @Test
    void isOfflineAndSaysSyncIsNotSetUp() {
        assertThat(viewModel.onlineProperty().get()).isFalse();
        assertThat(viewModel.syncStatusProperty().get()).isEqualTo("Offline · Sync not set up");
    }

    @Test
    void syncStatusFollowsTheSavedServer() {
        Settings now = settings.get();
        settings.set(new Settings(now.dataFolder(), now.locale(), now.currencyDisplay(),
                Optional.of(SyncServerAddress.parse("https://sync.example.com"))));

        assertThat(viewModel.syncStatusProperty().get()).isEqualTo("Offline · not connected to sync.example.com");
    }

    @Test
    void lastSaveIsShownOnceSomethingIsSaved() {
        assertThat(viewModel.lastSavedTextProperty().get()).isEqualTo("Nothing saved yet");

        viewModel.lastSavedAtProperty().set(Instant.parse("2026-03-02T14:32:00Z"));

        assertThat(viewModel.lastSavedTextProperty().get()).isEqualTo("Saved at 14:32:00");
    }

    @Test
    void statusBarShowsTheRunningTaskThenReady() {
        List<String> whileRunning = new ArrayList<>();
        BackgroundTask.withProgress("Importing receipts", progress -> {
            progress.message("4 of 10");
            progress.update(4, 10);
            whileRunning.add(viewModel.statusTextProperty().get());
            whileRunning.add(String.valueOf(viewModel.taskProgressProperty().get()));
            return null;
        }).executeWith(executor);

        assertThat(whileRunning).containsExactly("Importing receipts: 4 of 10", "0.4");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Ready");
        assertThat(viewModel.taskProgressProperty().get()).isZero();
        assertThat(viewModel.activeTaskProperty().get()).isNull();
    }

    @Test
    void noticeIsShownWhenNothingRuns() {
        viewModel.noticeProperty().set("Some settings were reset");

        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Some settings were reset");
    }

    @Test
    void cancelStopsTheActiveTask() {
        AtomicReference<String> seen = new AtomicReference<>();
        BackgroundTask.withProgress("Long import", progress -> {
            viewModel.cancelActiveTask();
            seen.set("cancelled: " + progress.isCancelled());
            return null;
        }).executeWith(executor);

        assertThat(seen.get()).isEqualTo("cancelled: true");
    }
}
