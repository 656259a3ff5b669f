package app.booksflow.desktop.store;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.support.DashboardSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Run in a child JVM by {@link CompactionKillCampaign}, so that books which hang the reader cannot hang the
 * campaign: opens the books, runs the check the app runs after an unclean stop (ADR 0038), reads every row
 * of every table, compares the dashboards with a rebuild from the ledger, and prints
 * {@code WHOLE <clients> <transactions> <transactions the check repaired>} or {@code BROKEN <reason>}. Books that
 * are not whole but have a safety copy get it put back, as the app offers, and are checked again:
 * {@code RESTORED <clients> <transactions> <repaired> <why they were not whole>}.
 */
public final class BooksCheckMain {

    private static final String LOST = "BROKEN the books came back without ";

    private BooksCheckMain() {
    }

    public static void main(String[] args) {
        DataDirectory directory = new DataDirectory(Path.of(args[0]));
        String verdict = verdictOf(directory);
        // Books that came back at an earlier state read whole, and the app tells the user rather than offering
        // the (older still) safety copy: they are not put back from it here either.
        if (verdict.startsWith("BROKEN ") && !verdict.startsWith(LOST) && SafetyCopy.find(directory).isPresent()) {
            // What the app offers then (ADR 0041): the safety copy in place of the books.
            String problem = verdict.substring("BROKEN ".length());
            try {
                SafetyCopy.restore(directory, Clock.systemUTC());
                String again = verdictOf(directory);
                verdict = again.startsWith("WHOLE ") ? "RESTORED " + again.substring("WHOLE ".length()) + " " + problem
                        : "BROKEN " + problem + "; and after the safety copy was put back: " + again;
            } catch (RuntimeException e) {
                verdict = "BROKEN " + problem + "; the safety copy could not be put back: " + e.getMessage();
            }
        }
        System.out.println(verdict.lines().findFirst().orElse(verdict));
        System.out.flush();
        System.exit(0);
    }

    private static String verdictOf(DataDirectory directory) {
        try (LocalStore store = LocalStore.openVerified(directory)) {
            if (store.writesLostInCrash() > 0) {
                return LOST + store.writesLostInCrash() + " write(s) it had saved (ADR 0042)";
            }
            int repaired = store.leftOpenBefore()
                    ? new LedgerServices(store, Clock.systemUTC()).repair().checkAndRepair().repaired().size() : 0;
            long[] counts = store.readJdbc(BooksCheckMain::readEveryRow);
            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(store);
            return snapshots[0].rows().equals(snapshots[1].rows()) ? "WHOLE " + counts[0] + " " + counts[1] + " " + repaired
                    : "BROKEN dashboards differ from a rebuild";
        } catch (RuntimeException e) {
            return "BROKEN " + e.toString().lines().findFirst().orElse("");
        }
    }

    /** Reads every row of every table of the books; returns {clients, transactions}. */
    private static long[] readEveryRow(Connection connection) throws SQLException {
        Map<String, Long> counts = WholeBooks.readEveryRow(connection);
        return new long[] {counts.getOrDefault("clients", 0L), counts.getOrDefault("transactions", 0L)};
    }
}
