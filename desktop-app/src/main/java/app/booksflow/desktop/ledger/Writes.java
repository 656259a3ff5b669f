package app.booksflow.desktop.ledger;

import app.booksflow.desktop.dashboard.DashboardWriter;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.Checks;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.desktop.syncstate.SyncAccount;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Runs a service's write in one database transaction: the change itself, its audit events, the
 * dashboard rows it moves, its search terms and, once the books sync, its changes for the server (the
 * outbox) all commit together or not at all.
 */
final class Writes {

    private final LocalStore store;
    private final Clock clock;

    Writes(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    <T> T run(String user, Function<WriteContext, T> work) {
        return run(user, false, false, work);
    }

    /** A write of changes pulled from the server: the same books, dashboards and search, no outbox. */
    <T> T runPulled(Function<WriteContext, T> work) {
        return run(SERVER, true, true, work);
    }

    static final String SERVER = "sync";

    /**
     * A write by {@code user} whose changes are not queued for the server: the books repaired from copies
     * they already hold, which are on their way to the server or came from it.
     */
    <T> T runUnsent(String user, Function<WriteContext, T> work) {
        return run(user, true, false, work);
    }

    private volatile Runnable onOutgoing = () -> { };

    /** Called after each commit that queued changes for the server (the sync engine's nudge). */
    void onOutgoing(Runnable listener) {
        onOutgoing = listener;
    }

    /** @param background a write of the sync engine's, which no one waits on (its slowness is told at debug level) */
    private <T> T run(String user, boolean fromServer, boolean background, Function<WriteContext, T> work) {
        String who = Checks.requiredText(user, "The user name", 200);
        boolean[] queued = {false};
        Function<Function<Session, T>, T> transaction = background ? store::inBackgroundTransaction : store::inTransaction;
        T committed = transaction.apply(session -> {
            WriteContext context = new WriteContext(session, who, clock.instant(), fromServer);
            T result = work.apply(context);
            session.flush();
            DashboardWriter.apply(session, context.dashboards());
            context.search().apply(session);
            List<Outbox.Change> outgoing = context.outgoing();
            if (!outgoing.isEmpty()) {
                session.doWork(connection -> {
                    if (SyncAccount.read(connection).isPresent()) {
                        Outbox.append(connection, outgoing, context.now());
                        queued[0] = true;
                    }
                });
            }
            return result;
        });
        if (queued[0]) {
            onOutgoing.run();
        }
        return committed;
    }

    LocalStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }
}
