package app.booksflow.desktop.ledger;

import app.booksflow.desktop.dashboard.DashboardWriter;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.Checks;
import java.time.Clock;
import java.util.function.Function;

/**
 * Runs a service's write in one database transaction: the change itself, its audit events, the
 * dashboard rows it moves and its search terms all commit together or not at all.
 */
final class Writes {

    private final LocalStore store;
    private final Clock clock;

    Writes(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    <T> T run(String user, Function<WriteContext, T> work) {
        String who = Checks.requiredText(user, "The user name", 200);
        return store.inTransaction(session -> {
            WriteContext context = new WriteContext(session, who, clock.instant());
            T result = work.apply(context);
            session.flush();
            DashboardWriter.apply(session, context.dashboards());
            context.search().apply(session);
            return result;
        });
    }

    LocalStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }
}
