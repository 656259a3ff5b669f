package app.booksflow.desktop.gui.startup;

import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.store.LocalStore;
import java.time.Clock;

/** The books of this window once the store is open: the services the screens read through. */
public record OpenBooks(LocalStore store, LedgerServices ledger, DashboardQueries dashboards) {

    public static OpenBooks of(LocalStore store, Clock clock) {
        return new OpenBooks(store, new LedgerServices(store, clock), new DashboardQueries(store));
    }
}
