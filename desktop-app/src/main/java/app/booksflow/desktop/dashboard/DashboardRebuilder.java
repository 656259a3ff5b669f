package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.store.LedgerRows;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.ReceiptStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes every dashboard table from the ledger itself. The write paths keep the tables up to date
 * incrementally and never call this; it is the reference they are tested against, and the repair tool
 * should a future bug ever let them drift.
 */
public final class DashboardRebuilder {

    private static final Logger log = LoggerFactory.getLogger(DashboardRebuilder.class);
    private static final List<String> TABLES =
            List.of("dash_account_days", "dash_client_days", "dash_receipt_statuses", "dash_receipt_quality");
    private static final String RECEIPTS = """
            select client_id, status, received_at, processed_at, fields_reviewed, fields_accepted from receipts
            """;

    private DashboardRebuilder() {
    }

    public static void rebuild(LocalStore store) {
        long start = System.nanoTime();
        store.runInTransaction(DashboardRebuilder::rebuild);
        log.info("Rebuilt the dashboards in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Within the caller's write transaction. */
    public static void rebuild(Session session) {
        session.doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.executeUpdate("delete from " + table);
                }
            }
        });
        List<Client> clients = session.createSelectionQuery("from ClientEntity", ClientEntity.class).getResultList()
                .stream().map(ClientEntity::toDomain).toList();
        DashboardDelta delta = new DashboardDelta();
        for (Client client : clients) {
            ClientChart chart = ClientChart.load(session, client.id(), client.baseCurrency());
            session.doWork(connection -> LedgerRows.forEachTransaction(connection, client.id(), true,
                    transaction -> delta.add(transaction, chart)));
        }
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECEIPTS);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    delta.add(ReceiptFacts.of(new ClientId(rows.getObject(1, UUID.class)),
                            ReceiptStatus.valueOf(rows.getString(2)),
                            rows.getObject(3, OffsetDateTime.class).toInstant(),
                            rows.getObject(4, OffsetDateTime.class) == null ? null
                                    : rows.getObject(4, OffsetDateTime.class).toInstant(),
                            (Integer) rows.getObject(5), (Integer) rows.getObject(6)));
                }
            }
        });
        DashboardWriter.apply(session, delta);
    }
}
