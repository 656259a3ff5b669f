package app.booksflow.desktop.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Hosting;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.TokenStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosting part of Settings on real H2 books, starting the real embedded server and PostgreSQL. */
class HostingViewModelTest {

    private static final Map<String, String> FAST = Map.of("password.hash.memory.kib", "1024");

    @TempDir
    Path dir;

    private TestBooks books;
    private SettingsStore store;
    private ObjectProperty<Settings> settings;
    private SyncStatusViewModel sync;
    private HostingViewModel viewModel;
    private String signedInAt;
    private final ConcurrentLinkedQueue<Runnable> uiThread = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        var bakery = books.ukClient("Hill Street Bakery");
        books.ledger.transactions().create(books.sale(bakery, LocalDate.of(2025, 5, 2), "240.00"), TestBooks.USER);
        store = new SettingsStore(new AppDirectories(dir.resolve("config"), dir.resolve("data")));
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("data"), Locale.UK, CurrencyDisplay.SYMBOL,
                Optional.empty()));
    }

    private void open() {
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        sync = new SyncStatusViewModel(settings, executor, uiThread::add, books.clock);
        viewModel = new HostingViewModel(sync, settings, store, dir.resolve("data"), executor, FAST);
        viewModel.onSignedIn(address -> signedInAt = address);
        sync.start(books.ledger, ledger -> new SyncEngine(ledger.sync(), new TokenStore(dir.resolve("data")), books.clock));
    }

    @AfterEach
    void tearDown() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (sync != null) {
            sync.close();
        }
        books.close();
    }

    @Test
    void startingHostsTheServerSignsTheBooksInAndIsRememberedForTheNextStart() throws IOException {
        open();
        int port = freePort();
        viewModel.portProperty().set(Integer.toString(port));
        viewModel.emailProperty().set("office@harper-lowe.example");
        viewModel.passwordProperty().set("kept in the office");
        assertThat(viewModel.canStartProperty().get()).isTrue();

        viewModel.start();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.hostingProperty().get()).isTrue();
        assertThat(viewModel.statusProperty().get()).startsWith("Hosting on http://").endsWith(":" + port
                + "; other computers sign in there.");
        assertThat(viewModel.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(signedInAt).isEqualTo("http://localhost:" + port);
        assertThat(books.ledger.sync().account().orElseThrow().serverUrl()).isEqualTo(signedInAt);
        assertThat(store.load().settings().hosting()).contains(new Hosting(port));
        assertThat(settings.get().hosting()).contains(new Hosting(port));
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.canStopProperty().get()).isTrue();
    }

    @Test
    void theNextStartOfTheAppHostsAgainWithoutAskingAndStopForgetsTheChoice() throws IOException {
        open();
        int port = freePort();
        viewModel.portProperty().set(Integer.toString(port));
        viewModel.emailProperty().set("office@harper-lowe.example");
        viewModel.passwordProperty().set("kept in the office");
        viewModel.start();
        viewModel.close();
        sync.close();

        open(); // the app starts again with the remembered settings

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.hostingProperty().get()).isTrue();
        assertThat(viewModel.portProperty().get()).isEqualTo(Integer.toString(port));

        viewModel.stop();

        assertThat(viewModel.hostingProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Not hosting.");
        assertThat(store.load().settings().hosting()).isEmpty();
    }

    @Test
    void aPortInUseIsSaidNextToThePartAndNothingIsRemembered() throws IOException {
        open();
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(0));
            viewModel.portProperty().set(Integer.toString(other.getLocalPort()));
            viewModel.emailProperty().set("office@harper-lowe.example");
            viewModel.passwordProperty().set("kept in the office");

            viewModel.start();
        }

        assertThat(viewModel.errorProperty().get()).contains("is in use on this computer");
        assertThat(viewModel.hostingProperty().get()).isFalse();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(store.load().settings().hosting()).isEmpty();
        assertThat(books.ledger.sync().account()).isEmpty();
    }

    @Test
    void aPortThatIsNotANumberCannotStart() {
        open();
        viewModel.portProperty().set("80a");

        assertThat(viewModel.portErrorProperty().get()).startsWith("The port is a number from 1 to 65535");
        assertThat(viewModel.canStartProperty().get()).isFalse();
        viewModel.portProperty().set("70000");
        assertThat(viewModel.canStartProperty().get()).isFalse();
        viewModel.portProperty().set("8080");
        assertThat(viewModel.canStartProperty().get()).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
