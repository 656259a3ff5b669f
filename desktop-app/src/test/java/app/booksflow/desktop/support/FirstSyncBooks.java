package app.booksflow.desktop.support;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Books whose first sync was under way, made without a server: ADR 0049's tests. */
public final class FirstSyncBooks {

    public static final String PRACTICE = "Harper & Lowe";
    public static final SyncAccount ACCOUNT = new SyncAccount("https://sync.harper-lowe.example", TestBooks.USER,
            new UserId(UUID.fromString("6f1c1c1e-4d0e-4a57-9a55-0d6d2bb0c001")),
            new OrganizationId(UUID.fromString("6f1c1c1e-4d0e-4a57-9a55-0d6d2bb0c002")),
            new DeviceId(UUID.fromString("6f1c1c1e-4d0e-4a57-9a55-0d6d2bb0c003")), Instant.parse("2025-06-15T08:00:00Z"));

    private FirstSyncBooks() {
    }

    /**
     * Books signed in to {@link #ACCOUNT} whose first sync had written a client and a transaction (none of it
     * waiting to go out, as the server's changes are), with the mark the sync engine writes; closed properly.
     */
    public static void midFirstSync(Path dir) {
        try (TestBooks books = TestBooks.open(dir)) {
            books.ledger.sync().signIn(ACCOUNT, PRACTICE);
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 2), "40.00"), TestBooks.USER);
            books.store.runInTransaction(session -> session.createNativeMutationQuery("delete from sync_outbox").executeUpdate());
        }
        new FirstSyncMark(ACCOUNT, PRACTICE).write(new DataDirectory(dir));
    }

    /** As a process that stopped without closing the books leaves their folder. */
    public static void leftOpen(Path dir) {
        try {
            Files.writeString(dir.resolve("booksflow.lock"), "pid 4242\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
