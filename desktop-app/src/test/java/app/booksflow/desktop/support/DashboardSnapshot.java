package app.booksflow.desktop.support;

import app.booksflow.desktop.dashboard.DashboardRebuilder;
import app.booksflow.desktop.store.LocalStore;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of the four dashboard tables, in key order, as text: what the incremental path and a rebuild must agree on. */
public record DashboardSnapshot(List<String> rows) {

    private static final List<String> QUERIES = List.of(
            "select * from dash_account_days order by client_id, on_day, account_id",
            "select * from dash_client_days order by client_id, on_day",
            "select * from dash_receipt_statuses order by client_id, status",
            "select * from dash_receipt_quality order by client_id");

    public static DashboardSnapshot of(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String query : QUERIES) {
                    try (ResultSet result = statement.executeQuery(query)) {
                        ResultSetMetaData meta = result.getMetaData();
                        while (result.next()) {
                            StringBuilder row = new StringBuilder(meta.getTableName(1)).append(':');
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.append(' ').append(meta.getColumnName(i).toLowerCase()).append('=')
                                        .append(result.getString(i));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
            return new DashboardSnapshot(List.copyOf(rows));
        }));
    }

    /** The tables as they are, and as a rebuild from the ledger makes them (the store keeps the rebuilt ones). */
    public static DashboardSnapshot[] incrementalAndRebuilt(LocalStore store) {
        DashboardSnapshot incremental = of(store);
        DashboardRebuilder.rebuild(store);
        return new DashboardSnapshot[] {incremental, of(store)};
    }
}
