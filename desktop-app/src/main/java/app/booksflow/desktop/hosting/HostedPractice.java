package app.booksflow.desktop.hosting;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Hosting for the open books: starts the {@link PracticeHost} in their data folder and makes the server's
 * practice the books' own. The first start creates the practice with the books' practice id and name and
 * its admin, then signs the books in to their own server, which sends every local client up as any first
 * sync does; later starts find both and leave the sign-in as it is (decision 29).
 */
public final class HostedPractice {

    /** The admin a first start creates; the password is used once and not kept. */
    public record Admin(String email, char[] password) {
    }

    private HostedPractice() {
    }

    public static PracticeHost start(Path dataFolder, int port, LedgerServices books, SyncEngine engine,
            Optional<Admin> admin) {
        return start(dataFolder, port, books, engine, admin, Map.of(), Clock.systemUTC());
    }

    public static PracticeHost start(Path dataFolder, int port, LedgerServices books, SyncEngine engine,
            Optional<Admin> admin, Map<String, String> serverSettings, Clock clock) {
        Optional<Organization> practice = books.practice().current();
        PracticeHost host = PracticeHost.start(dataFolder, port, serverSettings, clock);
        try {
            boolean known = practice.isPresent() && host.hasPractice(practice.get().id());
            if (!known) {
                Admin first = admin.filter(a -> !a.email().isBlank() && a.password().length > 0)
                        .orElseThrow(() -> new HostingException("The first start creates the practice's admin: enter "
                                + "the email address and password the other computers will sign in with."));
                Organization organization = practice.orElseGet(() -> new Organization(OrganizationId.random(), "My practice"));
                host.createPractice(organization, first.email(), adminName(first.email()), first.password());
                engine.signIn(host.localUrl(), first.email(), first.password(), organization.name());
            } else if (!signedInTo(books, host) && admin.isPresent() && !admin.get().email().isBlank()) {
                // Hosting again after the books were signed out (or after a sign-in that failed on the first start).
                engine.signIn(host.localUrl(), admin.get().email(), admin.get().password(), practice.get().name());
            }
            return host;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** True when the books sync with this host's server. */
    public static boolean signedInTo(LedgerServices books, PracticeHost host) {
        return books.sync().account().map(SyncAccount::serverUrl).filter(host.localUrl()::equals).isPresent();
    }

    private static String adminName(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at).strip() : email.strip();
    }
}
