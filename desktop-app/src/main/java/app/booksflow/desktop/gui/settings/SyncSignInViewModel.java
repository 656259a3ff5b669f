package app.booksflow.desktop.gui.settings;

import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.SyncServerAddress;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncException;
import app.booksflow.desktop.sync.SyncStatus;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.model.DomainException;
import app.booksflow.model.practice.Organization;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The Sync part of Settings: signing in to the practice's server at the address of the Sync server
 * field, and signing out. Signing in runs in the background (the network and a write of the books); the
 * password lives only in the field until then and is cleared as soon as it was sent. Once signed in the
 * form gives way to "Signed in as x at y".
 */
public final class SyncSignInViewModel {

    private final SyncStatusViewModel sync;
    private final StringProperty server;
    private final TaskExecutor taskExecutor;
    private Consumer<String> signedInTo = address -> { };

    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyObjectWrapper<Optional<SyncAccount>> account = new ReadOnlyObjectWrapper<>(this, "account",
            Optional.empty());
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper signedInText = new ReadOnlyStringWrapper(this, "signedInText", "");
    private final BooleanBinding signedIn;
    private final BooleanBinding available;
    private final BooleanBinding canSignIn;

    /** @param server the Sync server field of the form (the saved setting, as the user edits it) */
    public SyncSignInViewModel(SyncStatusViewModel sync, StringProperty server, TaskExecutor taskExecutor) {
        this.sync = Objects.requireNonNull(sync);
        this.server = Objects.requireNonNull(server);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        available = sync.engineProperty().isNotNull();
        signedIn = Bindings.createBooleanBinding(() -> account.get().isPresent() && isSignedIn(sync.statusProperty().get()),
                account, sync.statusProperty());
        signedInText.bind(Bindings.createStringBinding(() -> signedIn.get()
                ? "Signed in as " + account.get().get().email() + " at " + account.get().get().serverUrl() : "",
                signedIn, account));
        canSignIn = Bindings.createBooleanBinding(() -> available.get() && !signingIn.get()
                        && !email.get().isBlank() && !password.get().isEmpty()
                        && SyncServerAddress.problemWith(server.get()).isEmpty(),
                available, signingIn, email, password, server);
        sync.engineProperty().addListener((property, before, now) -> readAccount());
        readAccount();
    }

    /** Told the server address after each successful sign-in, so the settings keep it. */
    public void onSignedIn(Consumer<String> action) {
        this.signedInTo = Objects.requireNonNull(action);
    }

    public StringProperty emailProperty() {
        return email;
    }

    /** Bound to the password field; never saved, cleared once it was sent. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn.getReadOnlyProperty();
    }

    /** Why the last sign-in failed (wrong password, no server there, books of another practice); else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Signed in as carl@example.com at https://books.example.com", empty while signed out. */
    public ReadOnlyStringProperty signedInTextProperty() {
        return signedInText.getReadOnlyProperty();
    }

    public ObservableBooleanValue signedInProperty() {
        return signedIn;
    }

    /** False until the books are open (and their sync engine is ready). */
    public ObservableBooleanValue availableProperty() {
        return available;
    }

    public ObservableBooleanValue canSignInProperty() {
        return canSignIn;
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        SyncEngine engine = sync.engineProperty().get();
        LedgerServices ledger = sync.ledgerProperty().get();
        String address = server.get().strip();
        String user = email.get().strip();
        char[] secret = password.get().toCharArray();
        password.set("");
        signingIn.set(true);
        error.set("");
        BackgroundTask.withProgress("Signing in to " + hostOf(address), progress -> {
            try {
                progress.message("checking the password");
                String practiceName = ledger.practice().current().map(Organization::name).orElse(practiceNameFor(user));
                engine.signIn(address, user, secret, practiceName);
                return ledger.sync().account();
            } finally {
                Arrays.fill(secret, '\0');
            }
        }).onSuccess(signedInAccount -> {
            signingIn.set(false);
            account.set(signedInAccount);
            signedInTo.accept(signedInAccount.map(SyncAccount::serverUrl).orElse(address));
        }).onFailure(failure -> {
            signingIn.set(false);
            error.set(describe(failure));
        }).executeWith(taskExecutor);
    }

    /** Forgets the sign-in token; the books and their waiting changes stay on this computer. */
    public void signOut() {
        SyncEngine engine = sync.engineProperty().get();
        if (engine == null) {
            return;
        }
        error.set("");
        BackgroundTask.of("Signing out", () -> {
            engine.signOut();
            return sync.ledgerProperty().get().sync().account();
        }).onSuccess(account::set).onFailure(failure -> error.set(describe(failure))).executeWith(taskExecutor);
    }

    /** Reads the books' sign-in again (after this computer's own server signed them in). */
    public void refresh() {
        readAccount();
    }

    private void readAccount() {
        LedgerServices ledger = sync.ledgerProperty().get();
        if (ledger == null) {
            return;
        }
        BackgroundTask.of("Reading the sync account", () -> ledger.sync().account())
                .onSuccess(found -> {
                    account.set(found);
                    if (email.get().isBlank()) {
                        found.ifPresent(a -> email.set(a.email()));
                    }
                })
                .onFailure(failure -> error.set(describe(failure)))
                .executeWith(taskExecutor);
    }

    private static boolean isSignedIn(SyncStatus status) {
        return status.state() != SyncStatus.State.NOT_SIGNED_IN && status.state() != SyncStatus.State.SIGNED_OUT;
    }

    /** A practice set up by signing in is named after the server's until the accountant renames it. */
    private static String practiceNameFor(String email) {
        int at = email.indexOf('@');
        return at < 0 || at == email.length() - 1 ? "My practice" : "Practice at " + email.substring(at + 1);
    }

    private static String hostOf(String address) {
        try {
            return SyncServerAddress.parse(address).uri().getHost();
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    static String describe(Throwable failure) {
        return switch (failure) {
            case SyncException e -> e.getMessage();
            case DomainException e -> e.getMessage();
            case IllegalArgumentException e -> e.getMessage();
            default -> "Signing in failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage());
        };
    }
}
