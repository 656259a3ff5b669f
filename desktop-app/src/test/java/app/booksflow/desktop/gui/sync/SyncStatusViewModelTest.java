package app.booksflow.desktop.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SyncServerAddress;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncStatus;
import app.booksflow.desktop.sync.SyncStatus.State;
import app.booksflow.desktop.sync.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncStatusViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);

    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(new Settings(Path.of("/data"),
            Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty()));
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final SyncStatusViewModel viewModel = new SyncStatusViewModel(settings, new SynchronousTaskExecutor(),
            uiQueue::add, CLOCK);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NOT_SIGNED_IN | Not signed in
            SYNCING       | Syncing…
            ONLINE        | Online
            OFFLINE       | Offline
            SIGNED_OUT    | Signed out – sign in again
            """)
    void eachStateIsSaidInWords(State state, String words) {
        viewModel.show(new SyncStatus(state, 0, 0, Optional.empty(), Optional.empty()));

        assertThat(viewModel.textProperty().get()).isEqualTo(words);
        assertThat(viewModel.detailProperty().get()).isNotBlank();
    }

    @Test
    void startsNotSignedInAndNamesTheServerOfTheSettings() {
        assertThat(viewModel.textProperty().get()).isEqualTo("Not signed in");

        Settings now = settings.get();
        settings.set(new Settings(now.dataFolder(), now.locale(), now.currencyDisplay(),
                Optional.of(SyncServerAddress.parse("https://sync.example.com"))));

        assertThat(viewModel.textProperty().get()).isEqualTo("Not signed in to sync.example.com");
    }

    @Test
    void pendingChangesAndTheLastSyncFollowTheState() {
        viewModel.show(new SyncStatus(State.ONLINE, 3, 0, Optional.of(Instant.parse("2026-03-02T10:42:10Z")),
                Optional.empty()));
        assertThat(viewModel.textProperty().get()).isEqualTo("Online · 3 changes waiting · synced 10:42");

        viewModel.show(new SyncStatus(State.OFFLINE, 1, 0, Optional.of(Instant.parse("2026-02-27T08:05:00Z")),
                Optional.empty()));
        assertThat(viewModel.textProperty().get()).isEqualTo("Offline · 1 change waiting · synced 27 Feb 08:05");
    }

    @Test
    void aLongPullShowsHowManyChangesHaveArrived() {
        viewModel.show(new SyncStatus(State.SYNCING, 0, 0, Optional.empty(), Optional.empty(),
                Optional.of(new SyncStatus.Progress(35_000, 100_000))));
        assertThat(viewModel.textProperty().get()).isEqualTo("Receiving 35,000 of 100,000 changes");
    }

    @Test
    void aReceiptFileOnItsWayUpShowsHowMuchOfItTheServerHas() {
        viewModel.show(new SyncStatus(State.SYNCING, 1, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new SyncStatus.Sending("hotel.png", 3_200_000, 10_300_000))));
        assertThat(viewModel.textProperty().get()).isEqualTo("Sending hotel.png: 3.2 of 10.3 MB · 1 change waiting");
    }

    @Test
    void aClientReadAgainAfterAChecksumMismatchIsSaidInTheTooltip() {
        viewModel.show(new SyncStatus(State.ONLINE, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("The books of Hill Street Bakery differed from the server's; they were read again and now agree.")));
        assertThat(viewModel.detailProperty().get()).endsWith("they were read again and now agree.");
    }

    @Test
    void theLastErrorsReasonIsInTheTooltipAndAFailedTryIsSaid() {
        viewModel.show(new SyncStatus(State.OFFLINE, 2, 0, Optional.empty(),
                Optional.of("The server at books.example.com cannot be reached (timeout).")));
        assertThat(viewModel.textProperty().get()).isEqualTo("Offline · 2 changes waiting");
        assertThat(viewModel.detailProperty().get())
                .isEqualTo("Last problem: The server at books.example.com cannot be reached (timeout).");

        viewModel.show(new SyncStatus(State.ONLINE, 0, 0, Optional.empty(), Optional.of("The server answered 500.")));
        assertThat(viewModel.textProperty().get()).isEqualTo("Online · last try failed");
    }

    @Test
    void theInboxIsCountedOnlyWhenSomethingWaits() {
        assertThat(viewModel.inboxTextProperty().get()).isEmpty();

        viewModel.show(new SyncStatus(State.ONLINE, 0, 1, Optional.empty(), Optional.empty()));
        assertThat(viewModel.inboxTextProperty().get()).isEqualTo("1 item in the inbox");

        viewModel.show(new SyncStatus(State.ONLINE, 0, 4, Optional.empty(), Optional.empty()));
        assertThat(viewModel.inboxCountProperty().get()).isEqualTo(4);
        assertThat(viewModel.inboxTextProperty().get()).isEqualTo("4 items in the inbox");
    }

    @Test
    void reportsFromTheEnginesThreadsAreShownOnTheUiThreadNewestOnly() {
        viewModel.report(new SyncStatus(State.SYNCING, 5, 0, Optional.empty(), Optional.empty()));
        viewModel.report(new SyncStatus(State.ONLINE, 0, 0, Optional.empty(), Optional.empty()));

        assertThat(viewModel.textProperty().get()).as("nothing changes before the UI thread runs").isEqualTo("Not signed in");
        assertThat(uiQueue).hasSize(1);
        uiQueue.remove(0).run();
        assertThat(viewModel.textProperty().get()).isEqualTo("Online");
    }

    @Test
    void booksNeverSignedInStartAnEngineThatStaysNotSignedIn(@TempDir Path dir) {
        try (TestBooks books = TestBooks.open(dir)) {
            viewModel.start(books.ledger, ledger -> new SyncEngine(ledger.sync(), new TokenStore(dir), CLOCK));
            uiQueue.forEach(Runnable::run);

            assertThat(viewModel.engineProperty().get()).isNotNull();
            assertThat(viewModel.ledgerProperty().get()).isSameAs(books.ledger);
            assertThat(viewModel.statusProperty().get().state()).isEqualTo(State.NOT_SIGNED_IN);
            assertThat(viewModel.textProperty().get()).isEqualTo("Not signed in");
            viewModel.syncNow();
            viewModel.close();
        }
    }
}
