package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import app.booksflow.desktop.ledger.LedgerRepair.Repaired;
import app.booksflow.desktop.ledger.LedgerRepair.Source;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.syncstate.ServerState;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.Change;
import app.booksflow.protocol.ChangeKind;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.PullResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Books whose transactions lost their splits (as a kill during a large load once left them) are repaired from
 * the copies the books keep for sync, or the transaction is removed with its remains in the audit trail; the
 * dashboards then equal a rebuild, and whole books are left untouched.
 */
class LedgerRepairTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    @TempDir
    Path dir;

    @Test
    void brokenTransactionsArePutBackFromTheirCopiesOrRemovedWithTheirRemainsAudited() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Fenwick Joinery");
            // Made before the books synced: only on this device, no copy anywhere.
            Transaction local = books.ledger.transactions().create(books.sale(client, DAY, "120.00"), TestBooks.USER)
                    .transaction();
            Transaction whole = books.ledger.transactions().create(books.purchase(client, DAY, "45.10", "6100"),
                    TestBooks.USER).transaction();
            signIn(books);
            // Synced: the server's copy is kept, nothing waits to be sent.
            Transaction synced = books.sale(client, DAY.plusDays(1), "300.00");
            books.ledger.sync().applyPulled(pulledPage(client, synced));
            // Changed here since: its change waits in the outbox.
            Transaction waiting = books.ledger.transactions().create(books.sale(client, DAY.plusDays(2), "75.50"),
                    TestBooks.USER).transaction();
            List<UUID> brokenIds = List.of(local.id().value(), synced.id().value(), waiting.id().value());
            books.store.runInTransaction(session -> session.doWork(c -> {
                for (UUID id : brokenIds) {
                    try (PreparedStatement delete = c.prepareStatement("delete from splits where transaction_id = ?")) {
                        delete.setObject(1, id);
                        delete.executeUpdate();
                    }
                }
            }));

            LedgerRepair.Report report = books.ledger.repair().checkAndRepair();

            assertThat(report.checked()).isEqualTo(4);
            assertThat(report.repaired()).extracting(Repaired::id, Repaired::source, Repaired::removed,
                    Repaired::splitsLeft).containsExactlyInAnyOrder(
                            tuple(local.id(), Source.NONE, true, 0),
                            tuple(synced.id(), Source.SERVER, false, 0),
                            tuple(waiting.id(), Source.OUTBOX, false, 0));
            assertThat(books.ledger.transactions().find(synced.id()).orElseThrow().transaction()).isEqualTo(synced);
            assertThat(books.ledger.transactions().find(waiting.id()).orElseThrow().transaction()).isEqualTo(waiting);
            assertThat(books.ledger.transactions().find(whole.id()).orElseThrow().transaction()).isEqualTo(whole);
            assertThat(books.ledger.transactions().find(local.id())).isEmpty();
            assertThat(audit(books, local.id().value())).containsExactly("CREATE",
                    "DELETE Removed after an unclean stop: no copy to put it back from, the books had none of its lines");
            assertThat(audit(books, synced.id().value())).containsExactly(
                    "UPDATE Put back after an unclean stop, from the server's copy: the books had none of its lines");
            assertThat(beforeState(books, local.id().value())).contains("\"payee\":\"Customer\"", "\"totalMinor\":12000",
                    "\"splitsLeft\":[]");
            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(books.store);
            assertThat(snapshots[0].rows()).isEqualTo(snapshots[1].rows());
            assertThat(report.summary()).startsWith("BooksFlow was not closed properly the last time, and 3 transactions "
                    + "had lost lines. 2 were put back from the copy kept for sync. 1 was removed")
                    .contains(DAY + " Customer").endsWith("The dashboards were rebuilt.");
            // Repairs are not news for the server: the one change waiting is still the one made here.
            assertThat(books.ledger.sync().pendingCount()).isEqualTo(1);

            assertThat(books.ledger.repair().checkAndRepair().whole()).isTrue();
        }
    }

    @Test
    void aTransactionMissingSomeOfItsSplitsIsFoundAndWholeBooksAreLeftAlone() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Okafor Dental");
            Transaction split = books.ledger.transactions().create(new Transaction(
                    TransactionId.random(), client.id(), DAY, "Two lines", "",
                    books.account(client.id(), "1000"), TestBooks.gbp("-30.00"),
                    TransactionStatus.POSTED, List.of(
                            Split.of(books.account(client.id(), "6100"), TestBooks.gbp("-10.00")),
                            Split.of(books.account(client.id(), "6200"), TestBooks.gbp("-20.00")))),
                    TestBooks.USER).transaction();
            long events = count(books, "audit_events");
            assertThat(books.ledger.repair().checkAndRepair().whole()).isTrue();
            assertThat(count(books, "audit_events")).isEqualTo(events);

            books.store.runInTransaction(session -> session.doWork(c -> {
                try (PreparedStatement delete = c.prepareStatement("delete from splits where transaction_id = ? and line_no = 1")) {
                    delete.setObject(1, split.id().value());
                    delete.executeUpdate();
                }
            }));
            LedgerRepair.Report report = books.ledger.repair().checkAndRepair();

            assertThat(report.repaired()).singleElement().satisfies(repaired -> {
                assertThat(repaired.splitsLeft()).isEqualTo(1);
                assertThat(repaired.removed()).isTrue();
                assertThat(repaired.totalMinor()).isEqualTo(-3000);
            });
            assertThat(beforeState(books, split.id().value())).contains("\"amountMinor\":-1000").doesNotContain("-2000");
            assertThat(books.ledger.transactions().find(split.id())).isEmpty();
        }
    }

    @Test
    void aCopyThatCannotBeReadIsNoCopy() {
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Hale Opticians");
            Transaction synced = books.ledger.transactions().create(books.sale(client, DAY, "42.00"), TestBooks.USER)
                    .transaction();
            books.store.runInTransaction(session -> session.doWork(c -> {
                new ServerState(synced.id().value(), client.id(), EntityType.TRANSACTION, 3, false, "{\"id\": \"cut sh")
                        .save(c);
                try (PreparedStatement delete = c.prepareStatement("delete from splits where transaction_id = ?")) {
                    delete.setObject(1, synced.id().value());
                    delete.executeUpdate();
                }
            }));

            LedgerRepair.Report report = books.ledger.repair().checkAndRepair();

            assertThat(report.repaired()).extracting(Repaired::source, Repaired::removed)
                    .containsExactly(tuple(Source.SERVER, true));
            assertThat(audit(books, synced.id().value())).containsExactly("CREATE", "DELETE Removed after an unclean "
                    + "stop: the copy kept for sync could not be read, the books had none of its lines");
        }
    }

    private static void signIn(TestBooks books) {
        books.store.runInTransaction(session -> session.doWork(c -> new SyncAccount("https://sync.example.com",
                TestBooks.USER, new UserId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()),
                new DeviceId(UUID.randomUUID()), Instant.parse("2025-06-15T09:00:00Z")).save(c)));
    }

    private static PullResponse pulledPage(Client client, Transaction transaction) {
        var json = BooksFlowJson.newMapper();
        var change = new Change(client.id(), EntityType.TRANSACTION, transaction.id().value(),
                ChangeKind.UPSERT, 1, json.valueToTree(transaction),
                MutationId.random(), new DeviceId(UUID.randomUUID()),
                Instant.parse("2025-06-15T09:00:00Z"));
        return new PullResponse(ProtocolVersion.CURRENT, client.id(),
                List.of(change), Cursor.of("1"), false);
    }

    private static List<String> audit(TestBooks books, UUID entity) {
        return books.store.readJdbc(c -> {
            List<String> events = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "select action, summary from audit_events where entity_id = ? order by at, action")) {
                select.setObject(1, entity);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(row.getString(1).equals("CREATE") ? "CREATE" : row.getString(1) + " " + row.getString(2));
                    }
                }
            }
            return events;
        });
    }

    private static String beforeState(TestBooks books, UUID entity) {
        return books.store.readJdbc(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select before_state from audit_events where entity_id = ? and user_name = ?")) {
                select.setObject(1, entity);
                select.setString(2, LedgerRepair.USER);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private static long count(TestBooks books, String table) {
        return books.store.readJdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select count(*) from " + table);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
