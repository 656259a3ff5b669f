package app.booksflow.desktop.store;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Test helper run in a child JVM: opens the books in the folder, sets the ledger's indexes aside as a first
 * sync does (ADR 0048), saves a number of transactions through the app's write path, prints {@code WRITTEN},
 * and waits to be killed. Started by {@link DeferredIndexesTest}.
 */
public final class SetAsideMain {

    private SetAsideMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestBooks books = TestBooks.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        Client client = books.ledger.clients().list().getFirst();
        System.out.println("SET ASIDE " + books.store.deferLedgerIndexes());
        for (int i = 0; i < count; i++) {
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 1 + i % 28), "12.00"), TestBooks.USER);
        }
        System.out.println("WRITTEN");
        Thread.sleep(Long.MAX_VALUE);
    }
}
