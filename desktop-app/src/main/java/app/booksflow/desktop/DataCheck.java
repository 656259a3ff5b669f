package app.booksflow.desktop;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --check-data}: opens a data folder the way the window would (lock, Flyway migrations,
 * Hibernate validating the schema), prints what the books hold and closes them. Support uses it to
 * see whether a folder opens, and it proves a packaged jar can reach its database without a screen.
 */
final class DataCheck {

    /** Tables counted, in the order printed: what a user would recognise first. */
    private static final Map<String, String> COUNTED = new LinkedHashMap<>();

    static {
        COUNTED.put("transactions", "transactions");
        COUNTED.put("receipts", "receipts");
        COUNTED.put("audit events", "audit_events");
        COUNTED.put("search terms", "search_terms");
    }

    private DataCheck() {
    }

    /** Returns the process's exit code: 0 when the books opened, 1 when they did not (the reason on {@code err}). */
    static int run(LaunchOptions options, PrintStream out, PrintStream err) {
        Path folder = options.dataDir().orElseGet(() -> settingsFolder(options));
        try (LocalStore store = LocalStore.openVerified(new DataDirectory(folder))) {
            out.println("Data folder: " + folder);
            if (store.leftOpenBefore()) {
                out.println("Not closed properly the last time: the app checks the ledger when it next opens these books.");
            }
            List<String> versions = store.read(session -> session.createNativeQuery(
                    "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null order by \"installed_rank\"",
                    String.class).getResultList());
            out.println("Database schema version: " + versions.get(versions.size() - 1) + " (migrations "
                    + String.join(", ", versions) + ")");
            // The clients through the ledger's own entities and queries, so the mapping is checked too, not only the tables.
            out.println("clients: " + new LedgerServices(store, Clock.systemDefaultZone()).clients().list().size());
            store.read(session -> {
                COUNTED.forEach((label, table) -> out.println(label + ": " + session.createNativeQuery(
                        "select count(*) from " + table, Long.class).getSingleResult()));
                return null;
            });
            return 0;
        } catch (RuntimeException e) {
            err.println("booksflow: the books in " + folder + " could not be opened: " + e.getMessage());
            return 1;
        }
    }

    private static Path settingsFolder(LaunchOptions options) {
        AppDirectories directories = AppDirectories.forCurrentUser();
        directories = options.configDir().map(directories::withConfigFolder).orElse(directories);
        return new SettingsStore(directories).load().settings().dataFolder();
    }
}
