package app.booksflow.desktop.audit;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    private static final LocalDate MAY_5 = LocalDate.of(2025, 5, 5);

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("Hill Street Bakery");
    }

    @AfterEach
    void close() {
        books.close();
    }

    private AuditRecord latest() {
        return books.dashboards.recentActivity(Optional.of(client.id()), 1).get(0);
    }

    @Test
    void aWriteIsRecordedWithWhoWhenAndTheRecordAfterItAsJson() {
        Transaction sale = books.ledger.transactions().create(books.sale(client, MAY_5, "120.00"), USER).transaction();

        AuditRecord event = latest();
        assertThat(event.user()).isEqualTo(USER);
        assertThat(event.at()).isEqualTo(Instant.parse("2025-06-15T09:00:00Z"));
        assertThat(event.entityType()).isEqualTo(EntityType.TRANSACTION);
        assertThat(event.entityId()).isEqualTo(sale.id().value());
        assertThat(event.action()).isEqualTo(AuditAction.CREATE);
        assertThat(event.before()).isEmpty();
        assertThat(AuditLog.fromJson(event.after().orElseThrow(), Transaction.class)).isEqualTo(sale);
        assertThat(event.after().orElseThrow()).contains("\"total\":{\"amount\":\"120.00\",\"currency\":\"GBP\"}");
        assertThat(event.risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void deletingAPostedTransactionIsHighRiskButADraftIsLow() {
        Transaction posted = books.ledger.transactions().create(books.sale(client, MAY_5, "1.00"), USER).transaction();
        Transaction draft = books.ledger.transactions().create(TestBooks.draft(books.sale(client, MAY_5, "2.00")), USER)
                .transaction();

        books.ledger.transactions().delete(posted.id(), USER);
        assertThat(latest().risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(latest().after()).isEmpty();
        books.ledger.transactions().delete(draft.id(), USER);
        assertThat(latest().risk()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void changingTheAmountOfAPostedTransactionIsHighRiskButItsMemoIsLow() {
        StoredTransaction stored = books.ledger.transactions().create(books.sale(client, MAY_5, "120.00"), USER);
        Transaction t = stored.transaction();

        StoredTransaction memo = books.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(), t.payee(),
                "table 4", t.bankAccount(), t.total(), t.status(), t.splits()), stored.version(), USER);
        assertThat(latest().risk()).isEqualTo(RiskLevel.LOW);
        Transaction dearer = books.sale(client, MAY_5, "150.00");
        books.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(), t.payee(), "table 4",
                t.bankAccount(), dearer.total(), t.status(), dearer.splits()), memo.version(), USER);
        assertThat(latest().risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(latest().before()).isPresent();
    }

    @Test
    void movingTheClosingDateIsCritical() {
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);
        assertThat(latest().action()).isEqualTo(AuditAction.CLOSE_PERIOD);
        assertThat(latest().risk()).isEqualTo(RiskLevel.CRITICAL);

        books.ledger.clients().changeClosingDate(client.id(), Optional.empty(), USER);
        assertThat(latest().action()).isEqualTo(AuditAction.REOPEN_PERIOD);
        assertThat(latest().risk()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(latest().summary()).isEqualTo("Reopened the books of Hill Street Bakery; no period is closed");
    }

    @Test
    void recentActivityListsTheNewestFirst() {
        books.ledger.transactions().create(books.sale(client, MAY_5, "1.00"), USER);
        books.clock.advance(java.time.Duration.ofMinutes(1));
        books.ledger.transactions().create(books.purchase(client, MAY_5, "2.00", "6100"), USER);

        List<AuditRecord> recent = books.dashboards.recentActivity(Optional.empty(), 10);

        assertThat(recent).extracting(AuditRecord::summary).containsExactly(
                "Created 2025-05-05 Supplier -2.00 GBP", "Created 2025-05-05 Customer 1.00 GBP",
                "Took on Hill Street Bakery (GBP, 32 accounts, 6 tax codes)", "Set up the practice Harper & Lowe");
    }
}
