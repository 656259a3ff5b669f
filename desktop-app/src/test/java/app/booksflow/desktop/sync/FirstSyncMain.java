package app.booksflow.desktop.sync;

import app.booksflow.desktop.support.TestBooks;
import java.nio.file.Path;

/**
 * A new device in a process of its own that makes its first sync, saying when its first page of
 * transactions is committed and when it is done. Started by {@link FirstSyncKillCampaign}, which kills it.
 */
public final class FirstSyncMain {

    private FirstSyncMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        TestBooks books = TestBooks.open(dir);
        SyncEngine sync = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
        sync.showProgressFrom(Long.parseLong(args[1]));
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    long rows = books.store.readJdbc(c -> {
                        // A cursor is saved in the same transaction as its page.
                        try (var count = c.createStatement().executeQuery("select count(*) from sync_cursors")) {
                            count.next();
                            return count.getLong(1);
                        }
                    });
                    if (rows > 0) {
                        System.out.println("PAGE");
                        return;
                    }
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The books busy with a change of their schema: asked again.
                }
            }
        });
        System.out.println("READY");
        sync.syncOnce();
        System.out.println("DONE");
    }
}
