package app.booksflow.desktop.store;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.support.DashboardSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link CompactionKillCampaign}, so that books which hang the reader cannot hang the
 * campaign: opens the books, runs the check the app runs after an unclean stop (ADR 0038), reads every row
 * of every table, compares the dashboards with a rebuild from the ledger, and prints
 * {@code WHOLE <clients> <transactions> <transactions the check repaired>} or {@code BROKEN <reason>}.
 */
public final class BooksCheckMain {

    private BooksCheckMain() {
    }

    public static void main(String[] args) {
        String verdict;
        try (LocalStore store = LocalStore.openVerified(new DataDirectory(Path.of(args[0])))) {
            int repaired = store.leftOpenBefore()
                    ? new LedgerServices(store, Clock.systemUTC()).repair().checkAndRepair().repaired().size() : 0;
            long[] counts = store.readJdbc(BooksCheckMain::readEveryRow);
            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(store);
            verdict = snapshots[0].rows().equals(snapshots[1].rows()) ? "WHOLE " + counts[0] + " " + counts[1] + " " + repaired
                    : "BROKEN dashboards differ from a rebuild";
        } catch (RuntimeException e) {
            verdict = "BROKEN " + e.toString().lines().findFirst().orElse("");
        }
        System.out.println(verdict);
        System.out.flush();
        System.exit(0);
    }

    /** Reads every row of every table of the books; returns {clients, transactions}. */
    private static long[] readEveryRow(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        long clients = 0;
        long transactions = 0;
        for (String table : tables) {
            long count = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                    count++;
                }
            }
            if (table.equalsIgnoreCase("clients")) {
                clients = count;
            } else if (table.equalsIgnoreCase("transactions")) {
                transactions = count;
            }
        }
        return new long[] {clients, transactions};
    }
}
