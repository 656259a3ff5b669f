package app.booksflow.desktop.sync;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.syncstate.Inbox;
import app.booksflow.desktop.syncstate.Outbox;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Begins again, in new books, a first sync that BooksFlow did not live through (ADR 0049). A process that dies
 * while H2 writes a large page out can leave part of a commit that never happened: rows without the cursor
 * they were pulled with, rows locked by a transaction that no longer exists. Such books look whole to every
 * check and then fail to sync on. Books whose first sync was cut short hold nothing the server lacks, so they
 * are set aside with their safety copies (kept in the data folder's {@code damaged} folder) and new books with the same account, device
 * and practice take their place; the sync engine then pulls everything again.
 *
 * <p>Books with something of this device's own (changes waiting for the server, inbox items to decide, vendor
 * rules, receipt imports not finished) are left as they are, to the check after an unclean stop: those would not
 * come back from the server.
 */
public final class FirstSyncRestart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSyncRestart.class);

    private FirstSyncRestart() {
    }

    /**
     * The new books, open, and where the books they replace were kept.
     *
     * @param store the new books, open and marked checked (nothing in them can be torn)
     * @param keptAs the file the books of the first sync cut short were moved to
     * @param serverUrl the server the first sync begins again with
     */
    public record Restarted(LocalStore store, Path keptAs, String serverUrl) {

        /** What the accountant is told. */
        public String message() {
            return "BooksFlow stopped during its first sync with " + serverUrl + ", which can leave the books half "
                    + "written. The first sync begins again in new books; the books it had begun are kept as " + keptAs
                    + ".";
        }
    }

    /**
     * When the books were opened after an unclean stop during a first sync and hold nothing of this device's own,
     * closes them, keeps them aside and returns new books in their place, signed in to the same account; otherwise
     * returns empty and leaves the books open as they are.
     *
     * @param stages told what is done, for the start-up's progress line
     */
    public static Optional<Restarted> ifCutShort(LocalStore store, Clock clock, Consumer<String> stages) {
        DataDirectory directory = store.directory();
        if (!store.leftOpenBefore() || !FirstSyncMark.exists(directory)) {
            return Optional.empty();
        }
        Optional<Long> own = ownChanges(store);
        if (own.isPresent() && own.get() > 0) {
            LOG.warn("BooksFlow stopped during the first sync into the books in {}, which hold {} change(s) of this "
                    + "device's own; they are checked as they are instead of beginning the sync again", directory, own.get());
            return Optional.empty();
        }
        Optional<FirstSyncMark> mark = FirstSyncMark.read(directory).or(() -> accountOf(store, clock));
        if (mark.isEmpty()) {
            LOG.warn("BooksFlow stopped during the first sync into the books in {}, but neither the mark nor the books "
                    + "say which account it was for; they are checked as they are", directory);
            return Optional.empty();
        }
        stages.accept("Beginning the first sync again: BooksFlow stopped during it.");
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("The books of the first sync cut short in {} did not close cleanly; they are set aside all the same",
                    directory, e);
        }
        Path kept = SafetyCopy.setAsideWithCopies(directory, clock);
        LocalStore fresh = LocalStore.open(directory, stages);
        try {
            fresh.checkedAfterUncleanStop();
            new LedgerServices(fresh, clock).sync().signIn(mark.get().account(), mark.get().practiceName());
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        LOG.warn("BooksFlow stopped during the first sync into the books in {}: they were kept as {}, and new books "
                + "begin it again with {}", directory, kept, mark.get().account().serverUrl());
        return Optional.of(new Restarted(fresh, kept, mark.get().account().serverUrl()));
    }

    /**
     * What the books hold of this device's own, which new books would not get back from the server: changes
     * waiting for it, open inbox items, what the accountant taught about vendors (kept on this device only) and
     * receipt imports not finished; empty when the books cannot tell.
     */
    private static Optional<Long> ownChanges(LocalStore store) {
        try {
            return Optional.of(store.readJdbc(c -> {
                try (Statement select = c.createStatement(); ResultSet row = select.executeQuery("""
                        select (select count(*) from vendor_rules)
                             + (select count(*) from receipt_imports where finished_at is null)""")) {
                    row.next();
                    return Outbox.count(c) + Inbox.openCount(c) + row.getLong(1);
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("The waiting changes of the books in {} cannot be read", store.directory(), e);
            return Optional.empty();
        }
    }

    /** The account and practice as the books hold them, when the mark cannot be read. */
    private static Optional<FirstSyncMark> accountOf(LocalStore store, Clock clock) {
        try {
            return new LedgerServices(store, clock).sync().accountAndPractice();
        } catch (RuntimeException e) {
            LOG.warn("The account of the books in {} cannot be read", store.directory(), e);
            return Optional.empty();
        }
    }
}
