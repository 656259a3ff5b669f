package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoServiceTest {

    private static final LocalDate MAY_5 = LocalDate.of(2025, 5, 5);

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private UndoService undo;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("Hill Street Bakery");
        undo = books.ledger.undo();
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void undoingACreationRemovesTheTransactionAndItsFigures() {
        DashboardSnapshot before = DashboardSnapshot.of(books.store);
        Transaction sale = books.ledger.transactions().create(books.sale(client, MAY_5, "120.00"), USER).transaction();

        assertThat(undo.undoLast(USER)).contains("Created 2025-05-05 Customer 120.00 GBP");

        assertThat(books.ledger.transactions().find(sale.id())).isEmpty();
        assertThat(DashboardSnapshot.of(books.store)).isEqualTo(before);
    }

    @Test
    void undoingAnEditRestoresTheTransactionAsItWas() {
        StoredTransaction stored = books.ledger.transactions().create(books.purchase(client, MAY_5, "30.00", "6100"), USER);
        Transaction old = stored.transaction();
        DashboardSnapshot before = DashboardSnapshot.of(books.store);
        Transaction bigger = new Transaction(old.id(), old.client(), old.date().plusDays(3), old.payee(), "",
                old.bankAccount(), TestBooks.gbp("-99.00"), old.status(),
                List.of(Split.of(books.account(client.id(), "6300"), TestBooks.gbp("-99.00"))));
        books.ledger.transactions().edit(bigger, stored.version(), USER);

        undo.undoLast(USER);

        assertThat(books.ledger.transactions().find(old.id()).orElseThrow().transaction()).isEqualTo(old);
        assertThat(DashboardSnapshot.of(books.store)).isEqualTo(before);
    }

    @Test
    void undoingADeleteBringsTheTransactionAndThenItsReceiptLinkBack() throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("receipt.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1});
        var receipt = books.ledger.receipts().attach(client.id(), file, USER);
        Transaction bill = books.ledger.transactions().create(books.purchase(client, MAY_5, "12.00", "6100"), USER)
                .transaction();
        books.ledger.receipts().link(receipt.id(), bill.id(), USER);
        books.ledger.transactions().delete(bill.id(), USER);

        undo.undoLast(USER);
        assertThat(books.ledger.transactions().find(bill.id())).isPresent();
        undo.undoLast(USER);

        assertThat(books.ledger.receipts().find(receipt.id()).orElseThrow().transaction()).contains(bill.id());
    }

    @Test
    void repeatedUndoWalksBackThroughTheHistory() {
        Transaction first = books.ledger.transactions().create(books.sale(client, MAY_5, "1.00"), USER).transaction();
        Transaction second = books.ledger.transactions().create(books.sale(client, MAY_5, "2.00"), USER).transaction();
        books.ledger.transactions().unpost(second.id(), USER);

        undo.undoLast(USER);
        assertThat(books.ledger.transactions().find(second.id()).orElseThrow().transaction().isPosted()).isTrue();
        undo.undoLast(USER);
        undo.undoLast(USER);

        assertThat(books.ledger.transactions().find(first.id())).isEmpty();
        assertThat(books.ledger.transactions().find(second.id())).isEmpty();
    }

    @Test
    void undoingAClosingReopensThePeriod() {
        books.ledger.clients().changeClosingDate(client.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER);

        undo.undoLast(USER);

        assertThat(books.closingDate(client.id())).isEmpty();
    }

    @Test
    void thereIsNothingToUndoInAFreshStore(@TempDir Path other) {
        try (TestBooks fresh = TestBooks.open(other)) {
            assertThat(fresh.ledger.undo().undoLast(USER)).isEmpty();
        }
    }

    @Test
    void takingOnAClientCannotBeUndone() {
        assertThatThrownBy(() -> undo.undoLast(USER))
                .hasMessage("The last change (Took on Hill Street Bakery (GBP, 32 accounts, 6 tax codes)) cannot be undone.");
    }

    @Test
    void anUndoIsAuditedAndPointsAtWhatItReverted() {
        books.ledger.transactions().create(books.sale(client, MAY_5, "120.00"), USER);

        undo.undoLast(USER);

        List<AuditRecord> latest = books.dashboards.recentActivity(Optional.of(client.id()), 2);
        assertThat(latest.get(0).action()).isEqualTo(AuditAction.DELETE);
        assertThat(latest.get(0).summary()).isEqualTo("Undid: Created 2025-05-05 Customer 120.00 GBP");
        assertThat(latest.get(0).undoes()).contains(latest.get(1).id());
        assertThat(latest.get(1).undone()).isTrue();
    }
}
