package app.booksflow.desktop.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncStatus;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in from Settings against the real server (embedded PostgreSQL) over HTTP, on real H2 books. */
class SyncSignInViewModelTest {

    private static TestServer server;

    @TempDir
    Path dir;

    private Practice practice;
    private TestBooks books;
    private SyncStatusViewModel sync;
    /** The UI thread of the test: the engine's reports wait here until the test hands them over. */
    private final ConcurrentLinkedQueue<Runnable> uiThread = new ConcurrentLinkedQueue<>();
    private final StringProperty serverField = new SimpleStringProperty("");
    private SyncSignInViewModel viewModel;
    private String savedServer;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        practice = Practice.create(server, "signin-" + UUID.randomUUID().toString().substring(0, 8));
        books = TestBooks.open(dir);
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        sync = new SyncStatusViewModel(new SimpleObjectProperty<>(new Settings(dir.toAbsolutePath(), Locale.UK,
                CurrencyDisplay.SYMBOL, Optional.empty())), executor, uiThread::add, books.clock);
        sync.start(books.ledger, ledger -> new SyncEngine(ledger.sync(), new TokenStore(dir), books.clock));
        handOver();
        viewModel = new SyncSignInViewModel(sync, serverField, executor);
        viewModel.onSignedIn(address -> savedServer = address);
    }

    @AfterEach
    void tearDown() {
        sync.close();
        books.close();
    }

    private void handOver() {
        for (Runnable next; (next = uiThread.poll()) != null; ) {
            next.run();
        }
    }

    private void fillIn(String address, String email, String password) {
        serverField.set(address);
        viewModel.emailProperty().set(email);
        viewModel.passwordProperty().set(password);
    }

    @Test
    void signingInTiesTheBooksToThePracticeAndSaysAsWhomAndWhere() {
        assertThat(viewModel.signedInProperty().get()).isFalse();
        assertThat(viewModel.canSignInProperty().get()).isFalse();
        fillIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD);
        assertThat(viewModel.canSignInProperty().get()).isTrue();

        viewModel.signIn();
        handOver();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.signedInProperty().get()).isTrue();
        assertThat(viewModel.signedInTextProperty().get())
                .isEqualTo("Signed in as " + practice.accountantUser.email() + " at " + server.baseUrl());
        assertThat(viewModel.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(savedServer).isEqualTo(server.baseUrl());
        assertThat(new TokenStore(dir).read()).isPresent();
        assertThat(books.ledger.practice().current().orElseThrow().id()).isEqualTo(practice.organization.id());
        assertThat(sync.statusProperty().get().state()).isNotIn(SyncStatus.State.NOT_SIGNED_IN, SyncStatus.State.SIGNED_OUT);
    }

    @Test
    void signingOutForgetsTheTokenAndKeepsTheBooks() throws Exception {
        fillIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD);
        viewModel.signIn();
        handOver();

        viewModel.signOut();
        handOver();

        assertThat(viewModel.signedInProperty().get()).isFalse();
        assertThat(viewModel.signedInTextProperty().get()).isEmpty();
        assertThat(sync.textProperty().get()).startsWith("Signed out – sign in again");
        assertThat(Files.exists(dir.resolve("sync-token"))).isFalse();
        assertThat(books.ledger.sync().account()).as("the books stay tied to the practice").isPresent();
        assertThat(viewModel.emailProperty().get()).isEqualTo(practice.accountantUser.email());
    }

    @Test
    void aWrongPasswordIsSaidNextToTheFormAndNothingIsSignedIn() {
        fillIn(server.baseUrl(), practice.accountantUser.email(), "not the password");

        viewModel.signIn();
        handOver();

        assertThat(viewModel.errorProperty().get()).contains("password is wrong");
        assertThat(viewModel.signedInProperty().get()).isFalse();
        assertThat(viewModel.signingInProperty().get()).isFalse();
        assertThat(books.ledger.sync().account()).isEmpty();
        assertThat(savedServer).isNull();
    }

    @Test
    void anUnreachableServerIsSaidNextToTheForm() {
        fillIn("http://127.0.0.1:1", practice.accountantUser.email(), Practice.PASSWORD);

        viewModel.signIn();
        handOver();

        assertThat(viewModel.errorProperty().get()).startsWith("The server at 127.0.0.1 cannot be reached");
        assertThat(viewModel.signedInProperty().get()).isFalse();
    }

    @Test
    void booksOfAnotherPracticeAreRefusedWithTheReason() {
        books.ukClient("Corner Shop");
        fillIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD);

        viewModel.signIn();
        handOver();

        assertThat(viewModel.errorProperty().get()).contains("These books belong to the practice \"Harper & Lowe\"");
        assertThat(viewModel.signedInProperty().get()).isFalse();
        assertThat(books.ledger.sync().account()).isEmpty();
    }

    @Test
    void anInvalidServerAddressCannotBeUsedToSignIn() {
        fillIn("ftp://sync.example.com", practice.accountantUser.email(), Practice.PASSWORD);

        assertThat(viewModel.canSignInProperty().get()).isFalse();
        viewModel.signIn();
        assertThat(viewModel.signingInProperty().get()).isFalse();
    }
}
