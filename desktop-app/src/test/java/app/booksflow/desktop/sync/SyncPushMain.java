package app.booksflow.desktop.sync;

import app.booksflow.desktop.support.TestBooks;
import java.nio.file.Path;

/**
 * A device in a process of its own that opens its books and syncs until it is killed: pushes its
 * outbox and pulls, printing a line after each round. Started by {@link SyncKillTest}.
 */
public final class SyncPushMain {

    private SyncPushMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        TestBooks books = TestBooks.open(dir);
        SyncEngine sync = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
        System.out.println("READY");
        for (int round = 1; ; round++) {
            try {
                sync.syncOnce();
            } catch (SyncException e) {
                System.out.println("FAILED " + e.getMessage());
            }
            System.out.println("ROUND " + round + " " + books.ledger.sync().pendingCount());
        }
    }
}
