package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.dashboard.DashboardDelta.AccountDay;
import app.booksflow.desktop.dashboard.DashboardDelta.ClientDay;
import app.booksflow.desktop.dashboard.DashboardDelta.ClientStatus;
import app.booksflow.model.id.ClientId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.Session;

/**
 * Adds a {@link DashboardDelta} to the dashboard tables inside the caller's transaction: one MERGE per
 * touched row, then the rows whose counts fell to zero are deleted, so the tables always hold exactly
 * the rows a rebuild from the ledger would produce.
 */
public final class DashboardWriter {

    private static final String MERGE_ACCOUNT_DAY = """
            merge into dash_account_days d
            using (values (cast(? as uuid), cast(? as date), cast(? as uuid), cast(? as char(3)),
                           cast(? as bigint), cast(? as bigint), cast(? as integer)))
                s (client_id, on_day, account_id, currency, debit_minor, credit_minor, transaction_count)
            on d.client_id = s.client_id and d.on_day = s.on_day and d.account_id = s.account_id
            when matched then update set debit_minor = d.debit_minor + s.debit_minor,
                credit_minor = d.credit_minor + s.credit_minor, transaction_count = d.transaction_count + s.transaction_count
            when not matched then insert (client_id, on_day, account_id, currency, debit_minor, credit_minor, transaction_count)
                values (s.client_id, s.on_day, s.account_id, s.currency, s.debit_minor, s.credit_minor, s.transaction_count)
            """;
    private static final String DELETE_EMPTY_ACCOUNT_DAY = """
            delete from dash_account_days
            where client_id = ? and on_day = ? and account_id = ? and transaction_count = 0
            """;
    private static final String MERGE_CLIENT_DAY = """
            merge into dash_client_days d
            using (values (cast(? as uuid), cast(? as date), cast(? as char(3)),
                           cast(? as bigint), cast(? as bigint), cast(? as integer)))
                s (client_id, on_day, currency, income_minor, expense_minor, transaction_count)
            on d.client_id = s.client_id and d.on_day = s.on_day
            when matched then update set income_minor = d.income_minor + s.income_minor,
                expense_minor = d.expense_minor + s.expense_minor, transaction_count = d.transaction_count + s.transaction_count
            when not matched then insert (client_id, on_day, currency, income_minor, expense_minor, transaction_count)
                values (s.client_id, s.on_day, s.currency, s.income_minor, s.expense_minor, s.transaction_count)
            """;
    private static final String DELETE_EMPTY_CLIENT_DAY =
            "delete from dash_client_days where client_id = ? and on_day = ? and transaction_count = 0";
    private static final String MERGE_STATUS = """
            merge into dash_receipt_statuses d
            using (values (cast(? as uuid), cast(? as varchar(16)), cast(? as integer))) s (client_id, status, receipt_count)
            on d.client_id = s.client_id and d.status = s.status
            when matched then update set receipt_count = d.receipt_count + s.receipt_count
            when not matched then insert (client_id, status, receipt_count) values (s.client_id, s.status, s.receipt_count)
            """;
    private static final String DELETE_EMPTY_STATUS =
            "delete from dash_receipt_statuses where client_id = ? and status = ? and receipt_count = 0";
    private static final String MERGE_QUALITY = """
            merge into dash_receipt_quality d
            using (values (cast(? as uuid), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint)))
                s (client_id, fields_reviewed, fields_accepted, processed_count, processing_millis_sum)
            on d.client_id = s.client_id
            when matched then update set fields_reviewed = d.fields_reviewed + s.fields_reviewed,
                fields_accepted = d.fields_accepted + s.fields_accepted, processed_count = d.processed_count + s.processed_count,
                processing_millis_sum = d.processing_millis_sum + s.processing_millis_sum
            when not matched then insert (client_id, fields_reviewed, fields_accepted, processed_count, processing_millis_sum)
                values (s.client_id, s.fields_reviewed, s.fields_accepted, s.processed_count, s.processing_millis_sum)
            """;
    private static final String DELETE_EMPTY_QUALITY = """
            delete from dash_receipt_quality where client_id = ? and fields_reviewed = 0 and fields_accepted = 0
                and processed_count = 0 and processing_millis_sum = 0
            """;

    private DashboardWriter() {
    }

    /** Writes the delta through the session's own connection, so it commits or rolls back with the session. */
    public static void apply(Session session, DashboardDelta delta) {
        if (!delta.isEmpty()) {
            session.doWork(connection -> apply(connection, delta));
        }
    }

    public static void apply(Connection connection, DashboardDelta delta) throws SQLException {
        accountDays(connection, delta.accountDays, delta.currencies);
        clientDays(connection, delta.clientDays, delta.currencies);
        statuses(connection, delta.receiptStatuses);
        quality(connection, delta.receiptQuality);
    }

    private static boolean isZero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    private static void accountDays(Connection connection, Map<AccountDay, long[]> rows, Map<ClientId, ?> currencies)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_ACCOUNT_DAY);
                PreparedStatement delete = connection.prepareStatement(DELETE_EMPTY_ACCOUNT_DAY)) {
            for (var entry : rows.entrySet()) {
                AccountDay key = entry.getKey();
                long[] v = entry.getValue();
                if (isZero(v)) {
                    continue;
                }
                merge.setObject(1, key.client().value());
                merge.setObject(2, key.day());
                merge.setObject(3, key.account().value());
                merge.setString(4, currencies.get(key.client()).toString());
                merge.setLong(5, v[0]);
                merge.setLong(6, v[1]);
                merge.setInt(7, Math.toIntExact(v[2]));
                merge.addBatch();
                if (v[2] <= 0) {
                    delete.setObject(1, key.client().value());
                    delete.setObject(2, key.day());
                    delete.setObject(3, key.account().value());
                    delete.addBatch();
                }
            }
            merge.executeBatch();
            delete.executeBatch();
        }
    }

    private static void clientDays(Connection connection, Map<ClientDay, long[]> rows, Map<ClientId, ?> currencies)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_CLIENT_DAY);
                PreparedStatement delete = connection.prepareStatement(DELETE_EMPTY_CLIENT_DAY)) {
            for (var entry : rows.entrySet()) {
                ClientDay key = entry.getKey();
                long[] v = entry.getValue();
                if (isZero(v)) {
                    continue;
                }
                merge.setObject(1, key.client().value());
                merge.setObject(2, key.day());
                merge.setString(3, currencies.get(key.client()).toString());
                merge.setLong(4, v[0]);
                merge.setLong(5, v[1]);
                merge.setInt(6, Math.toIntExact(v[2]));
                merge.addBatch();
                if (v[2] <= 0) {
                    delete.setObject(1, key.client().value());
                    delete.setObject(2, key.day());
                    delete.addBatch();
                }
            }
            merge.executeBatch();
            delete.executeBatch();
        }
    }

    private static void statuses(Connection connection, Map<ClientStatus, long[]> rows) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_STATUS);
                PreparedStatement delete = connection.prepareStatement(DELETE_EMPTY_STATUS)) {
            for (var entry : rows.entrySet()) {
                long count = entry.getValue()[0];
                if (count == 0) {
                    continue;
                }
                merge.setObject(1, entry.getKey().client().value());
                merge.setString(2, entry.getKey().status().name());
                merge.setInt(3, Math.toIntExact(count));
                merge.addBatch();
                if (count < 0) {
                    delete.setObject(1, entry.getKey().client().value());
                    delete.setString(2, entry.getKey().status().name());
                    delete.addBatch();
                }
            }
            merge.executeBatch();
            delete.executeBatch();
        }
    }

    private static void quality(Connection connection, Map<ClientId, long[]> rows) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_QUALITY);
                PreparedStatement delete = connection.prepareStatement(DELETE_EMPTY_QUALITY)) {
            for (var entry : rows.entrySet()) {
                long[] v = entry.getValue();
                if (isZero(v)) {
                    continue;
                }
                merge.setObject(1, entry.getKey().value());
                for (int i = 0; i < 4; i++) {
                    merge.setLong(i + 2, v[i]);
                }
                merge.addBatch();
                delete.setObject(1, entry.getKey().value());
                delete.addBatch();
            }
            merge.executeBatch();
            delete.executeBatch();
        }
    }
}
