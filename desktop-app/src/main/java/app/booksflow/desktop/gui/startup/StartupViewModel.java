package app.booksflow.desktop.gui.startup;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerRepair;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DamagedBooksException;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.NewerBooksException;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.store.StoreLockedException;
import app.booksflow.desktop.store.StoreOpening;
import app.booksflow.desktop.store.WholeBooks;
import app.booksflow.desktop.sync.FirstSyncRestart;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the books of the data folder off the FX thread ("Opening the books"), then fills an empty
 * store with the demo practice ("Loading the demo practice"). What went wrong is a sentence for the
 * user in {@link #problemProperty()}; {@link #fatalProperty()} says the window cannot go on (the folder
 * is locked by another window). Once the books are shown, the transactions a bulk load left for search
 * are indexed in the background ("Indexing transactions for search"), their number in
 * {@link #unindexedProperty()} until it is done.
 */
public final class StartupViewModel {

    /** Fills a store that holds no practice yet; it may call {@code progress.stopIfCancelled()} between clients. */
    @FunctionalInterface
    public interface DemoLoader {
        /** @return whether it loaded anything (the store was empty) */
        boolean loadIfEmpty(LocalStore store, Clock clock, BackgroundTask.Progress progress);
    }

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    /** How old the newest safety copy may be before a start takes another. */
    static final Duration SAFETY_COPY_EVERY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(StartupViewModel.class);

    private final DataDirectory directory;
    private final Clock clock;
    private final TaskExecutor taskExecutor;
    private final DemoLoader demoLoader;
    /** The store as soon as it is open, also when the window closes before the startup finished. */
    private final AtomicReference<LocalStore> opened = new AtomicReference<>();
    /** Held while the startup writes to the store, so closing waits for a client's books instead of cutting them off. */
    private final ReentrantLock working = new ReentrantLock();
    private volatile boolean closing;

    private final ReadOnlyObjectWrapper<OpenBooks> books = new ReadOnlyObjectWrapper<>(this, "books");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper fatal = new ReadOnlyBooleanWrapper(this, "fatal", false);
    private final ReadOnlyLongWrapper unindexed = new ReadOnlyLongWrapper(this, "unindexed", 0);
    private final ReadOnlyObjectWrapper<Recovery> recovery = new ReadOnlyObjectWrapper<>(this, "recovery");

    /** Opens the books, telling the consumer what it does meanwhile. */
    private final Function<Consumer<String>, LocalStore> open;

    public StartupViewModel(DataDirectory directory, Clock clock, TaskExecutor taskExecutor, DemoLoader demoLoader) {
        this(directory, stages -> LocalStore.open(directory, stages), clock, taskExecutor, demoLoader);
    }

    /** Takes over an opening begun before the window was built. */
    public StartupViewModel(StoreOpening opening, Clock clock, TaskExecutor taskExecutor, DemoLoader demoLoader) {
        this(opening.directory(), opening::await, clock, taskExecutor, demoLoader);
    }

    private StartupViewModel(DataDirectory directory, Function<Consumer<String>, LocalStore> open, Clock clock,
            TaskExecutor taskExecutor,
            DemoLoader demoLoader) {
        this.directory = Objects.requireNonNull(directory);
        this.open = Objects.requireNonNull(open);
        this.clock = Objects.requireNonNull(clock);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.demoLoader = Objects.requireNonNull(demoLoader);
    }

    public void start() {
        openWith(open);
    }

    private void openWith(Function<Consumer<String>, LocalStore> opener) {
        BackgroundTask.withProgress("Opening the books", progress -> whileOpen(() -> {
            // Updating books kept by an earlier version can take minutes: the status bar says so.
            LocalStore store = opener.apply(progress::message);
            opened.set(store);
            return store;
        })).onSuccess(this::checkIfLeftOpen).onFailure(this::openFailed).onCancelled(this::openCancelled)
                .executeWith(taskExecutor);
    }

    /**
     * Books that were not closed the last time (a crash, a kill, a power cut) are read whole, and have their
     * ledger checked and repaired, before anything shows them (ADR 0038, 0041); the user hears of it only when
     * something was repaired, or when they do not read whole.
     */
    private void checkIfLeftOpen(LocalStore store) {
        if (!store.leftOpenBefore()) {
            loadDemo(store);
            return;
        }
        if (FirstSyncMark.exists(directory)) {
            beginFirstSyncAgain(store);
            return;
        }
        checkAfterUncleanStop(store);
    }

    /**
     * Books that stopped during their first sync are replaced by new books that begin it again, when they hold
     * nothing of this device's own (ADR 0049); otherwise they are checked as any books after an unclean stop.
     */
    private void beginFirstSyncAgain(LocalStore store) {
        BackgroundTask.withProgress("Checking the books: BooksFlow stopped during their first sync",
                progress -> whileOpen(() -> {
                    opened.set(null); // closed and replaced here, or handed back below
                    Optional<FirstSyncRestart.Restarted> restarted = FirstSyncRestart.ifCutShort(store, clock,
                            progress::message);
                    opened.set(restarted.map(FirstSyncRestart.Restarted::store).orElse(store));
                    return restarted;
                }))
                .onSuccess(restarted -> {
                    if (restarted.isEmpty()) {
                        checkAfterUncleanStop(store);
                        return;
                    }
                    if (!closing) {
                        problem.set(restarted.get().message());
                    }
                    loadDemo(restarted.get().store());
                })
                .onFailure(error -> {
                    if (closing) {
                        return;
                    }
                    log.error("Could not begin the first sync of the books in {} again", directory, error);
                    fatal.set(true);
                    problem.set("BooksFlow stopped during the first sync of the books in " + directory.root()
                            + ", and beginning it again failed (" + rootMessage(error) + "). Start BooksFlow again.");
                })
                .executeWith(taskExecutor);
    }

    private void checkAfterUncleanStop(LocalStore store) {
        BackgroundTask.withProgress("Checking the books: BooksFlow was not closed properly the last time",
                progress -> whileOpen(() -> {
                    try {
                        store.readJdbc(WholeBooks::readEveryRow);
                    } catch (RuntimeException e) {
                        return new AfterUncleanStop(Optional.of(e), null);
                    }
                    return new AfterUncleanStop(Optional.empty(),
                            new LedgerServices(store, clock).repair().checkAndRepair());
                }))
                .onSuccess(checked -> {
                    if (checked.unreadable().isPresent()) {
                        damaged(checked.unreadable().get());
                        return;
                    }
                    LedgerRepair.Report report = checked.report();
                    store.checkedAfterUncleanStop();
                    log.info("Checked the {} transactions of {} after an unclean stop: {}", report.checked(), directory,
                            report.whole() ? "whole" : report.repaired());
                    String told = String.join(" ", lostWrites(store.writesLostInCrash()), report.summary()).strip();
                    if (!told.isEmpty() && !closing) {
                        problem.set(told);
                    }
                    loadDemo(store);
                })
                .onFailure(error -> {
                    if (closing) {
                        return;
                    }
                    log.error("Could not check the books in {} after an unclean stop", directory, error);
                    problem.set("BooksFlow was not closed properly the last time, and checking the books failed ("
                            + error.getMessage() + "). Nothing was changed; the check runs again at the next start.");
                    loadDemo(store);
                })
                .executeWith(taskExecutor);
    }

    private record AfterUncleanStop(Optional<RuntimeException> unreadable, LedgerRepair.Report report) {
    }

    /** What the user must hear when the database came back without writes it had saved (ADR 0042). */
    private static String lostWrites(long lost) {
        if (lost == 0) {
            return "";
        }
        return "BooksFlow was stopped abruptly, and the books came back without the last " + (lost == 1
                ? "change that had been saved" : String.format("%,d changes that had been saved", lost))
                + " before it stopped: the database returned to an earlier state. Look over the latest work and enter "
                + "again what is missing; changes already sent to the sync server come back at the next sync.";
    }

    /**
     * What the user may do with books that do not open or do not read whole (ADR 0041): put the safety copy
     * back when there is one ({@link #restoreSafetyCopy()}), otherwise set them aside for new books
     * ({@link #startNewBooks()}); or leave them as they are ({@link #openAsTheyAre()}).
     *
     * @param copy the newest safety copy, if there is one
     * @param opened whether the books opened (and can be shown as far as they read)
     */
    public record Recovery(Optional<SafetyCopy.Info> copy, boolean opened) {
    }

    /**
     * Books that do not read whole after an unclean stop wait for the user's choice (see {@link Recovery}). Books
     * opened as they are stay marked, and are checked again at the next start.
     */
    private void damaged(RuntimeException error) {
        if (closing) {
            return;
        }
        log.error("The books in {} do not read whole after an unclean stop", directory, error);
        offerRecovery("The books in " + directory.root() + " could not be read whole after BooksFlow was stopped "
                + "abruptly (" + rootMessage(error) + ").", true);
    }

    /** Looks for the safety copy in the background (a folder listing and a small file), then offers the choice. */
    private void offerRecovery(String what, boolean opened) {
        BackgroundTask.of("Looking for the safety copy", () -> SafetyCopy.find(directory))
                .onSuccess(copy -> offerRecovery(what, opened, copy))
                .onFailure(error -> {
                    log.warn("Could not look for the safety copy of {}", directory, error);
                    offerRecovery(what, opened, Optional.empty());
                })
                .executeWith(taskExecutor);
    }

    private void offerRecovery(String what, boolean opened, Optional<SafetyCopy.Info> copy) {
        if (closing) {
            return;
        }
        recovery.set(new Recovery(copy, opened));
        problem.set(what + copy.map(this::offerOf).orElseGet(() -> " There is no safety copy of them. They can be "
                + "set aside (kept in " + directory.damaged() + ") for new books: the demo practice is loaded again, "
                + "and a practice that syncs comes back from the server when you sign in again."
                + (opened ? " Or they can be opened as far as they can be read." : "")));
    }

    private String offerOf(SafetyCopy.Info copy) {
        return " The safety copy taken " + describe(copy) + " can take their place: what was entered after it is "
                + "not in it (changes already sent to the sync server come back at the next sync). The books it "
                + "replaces are kept in " + directory.damaged() + ".";
    }

    private String describe(SafetyCopy.Info info) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(clock.getZone())
                .format(info.takenAt()) + ", " + info.occasion()
                + (info.transactions() >= 0 ? ", with " + String.format("%,d", info.transactions()) + " transactions," : ",");
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Puts the safety copy in place of books that do not read whole (the user's choice), keeping them in the
     * data folder's {@code damaged} folder, and opens the books again.
     */
    public void restoreSafetyCopy() {
        Recovery offered = recovery.get();
        if (offered == null || offered.copy().isEmpty()) {
            return;
        }
        SafetyCopy.Info info = offered.copy().get();
        recovery.set(null);
        replaceDamaged("Putting the safety copy in place of the books", () -> SafetyCopy.restore(directory, clock),
                kept -> "The safety copy taken " + describe(info) + " is back in place. The damaged books are kept as "
                        + kept + ".", "The safety copy could not be put in place of the books");
    }

    /**
     * Sets books that do not open or read whole, and have no safety copy, aside in the data folder's
     * {@code damaged} folder (the user's choice), and opens new books in their place: the demo is loaded into
     * them, a synced practice comes back once the user signs in again.
     */
    public void startNewBooks() {
        Recovery offered = recovery.get();
        if (offered == null || offered.copy().isPresent()) {
            return;
        }
        recovery.set(null);
        replaceDamaged("Setting the damaged books aside", () -> SafetyCopy.setAside(directory, clock),
                kept -> "The damaged books are kept as " + kept + "; new books take their place.",
                "The damaged books could not be set aside");
    }

    /**
     * Closes the damaged books (the mark of an unclean stop stays), moves them aside with whatever takes their
     * place, says where they went, and opens the books again.
     */
    private void replaceDamaged(String title, Callable<Path> replace, Function<Path, String> done, String failed) {
        BackgroundTask.withProgress(title, progress -> whileOpen(() -> {
            LocalStore store = opened.getAndSet(null);
            if (store != null) {
                store.close();
            }
            return replace.call();
        })).onSuccess(kept -> {
            problem.set(done.apply(kept));
            openWith(stages -> LocalStore.open(directory, stages));
        }).onFailure(error -> {
            if (closing) {
                return;
            }
            log.error("{} failed in {}", title, directory, error);
            fatal.set(true);
            problem.set(failed + " (" + error.getMessage() + "). Start BooksFlow again to open them as they are.");
        }).executeWith(taskExecutor);
    }

    /**
     * Opens books that do not read whole as far as they can be read (the user's choice over the recovery
     * offered); books that did not open at all stay closed, the problem shown.
     */
    public void openAsTheyAre() {
        if (recovery.get() == null) {
            return;
        }
        recovery.set(null);
        LocalStore store = opened.get();
        if (store != null) {
            loadDemo(store);
        }
    }

    private void loadDemo(LocalStore store) {
        BackgroundTask.withProgress("Loading the demo practice", progress -> {
            boolean loaded = whileOpen(() -> demoLoader.loadIfEmpty(store, clock, stopOnClose(progress)));
            if (loaded && !closing) {
                takeSafetyCopy(store, "after the demo practice's load");
            }
            return OpenBooks.of(store, clock);
        }).onSuccess(this::show).onFailure(error -> {
            if (closing) {
                return;
            }
            log.error("The demo practice could not be loaded into {}", directory, error);
            problem.set("The demo practice could not be loaded (" + error.getMessage() + "). Your own books are unchanged.");
            show(OpenBooks.of(store, clock));
        }).onCancelled(() -> {
            // The loader commits client by client and picks up the missing ones at the next start.
            problem.set("Loading the demo practice was stopped; the clients loaded so far are here, the rest "
                    + "follow the next time BooksFlow starts.");
            show(OpenBooks.of(store, clock));
        }).executeWith(taskExecutor);
    }

    /** A copy that cannot be written is logged, not shown: the books themselves are fine. */
    private void takeSafetyCopy(LocalStore store, String occasion) {
        try {
            whileOpen(() -> SafetyCopy.take(store, occasion, clock));
        } catch (Exception e) {
            log.warn("No safety copy of {} {}", directory, occasion, e);
        }
    }

    private void show(OpenBooks opened) {
        books.set(opened);
        indexForSearch(opened.store());
    }

    /**
     * Writes the search terms a bulk load (such as the demo's) left for later, one chunk per task so that
     * other work gets a turn on the executor between chunks; stops when the window closes.
     */
    private void indexForSearch(LocalStore store) {
        BackgroundTask.of("Looking for transactions to index", () -> SearchBacklog.pending(store))
                .onSuccess(pending -> {
                    if (pending > 0 && !closing) {
                        unindexed.set(pending);
                        indexNextChunk(store, new SearchBacklog.Chunks(), 0, pending);
                    }
                })
                .onFailure(error -> log.error("Could not read the search backlog of {}", directory, error))
                .executeWith(taskExecutor);
    }

    private void indexNextChunk(LocalStore store, SearchBacklog.Chunks chunks, long done, long total) {
        BackgroundTask.withProgress("Indexing transactions for search", progress -> whileOpen(() -> {
            progress.update(done, total);
            chunks.indexNext(store);
            return SearchBacklog.pending(store);
        })).onSuccess(left -> {
            unindexed.set(left);
            if (left > 0 && !closing) {
                long all = Math.max(total, done + left);
                indexNextChunk(store, chunks, all - left, all);
            }
        }).onFailure(error -> {
            if (closing) {
                return;
            }
            log.error("Indexing for search failed in {}", directory, error);
            problem.set("Some transactions could not be indexed for search (" + error.getMessage() + "); search may "
                    + "miss them until BooksFlow starts again. Your books are unchanged.");
        }).executeWith(taskExecutor);
    }

    /**
     * Starts Hibernate's start-up for the open books, put off until now so that it does not compete with
     * the first screen (the practice's figures are read over plain JDBC, ADR 0015). Should it fail (the
     * schema does not match the entities), the user hears why here rather than only from each screen that
     * tries a read. Does nothing before the books are open.
     */
    public void startQueries() {
        OpenBooks open = books.get();
        if (open != null) {
            open.store().startSessionFactory();
            watchQueries(open.store());
            refreshSafetyCopy(open.store());
        }
    }

    /**
     * The day's safety copy (ADR 0041): books that opened whole (closed properly the last time, or checked since),
     * whose newest copy is a day old or more, are copied again in the background; books without a copy once they
     * hold a transaction. A copy is the books as they read: one that cannot be read whole is never written over
     * the last good copy (the script that makes it fails first).
     */
    private void refreshSafetyCopy(LocalStore store) {
        if (store.leftOpenBefore() || closing) {
            return;
        }
        BackgroundTask.of("Writing the day's safety copy of the books", () -> {
            boolean due = SafetyCopy.isDue(store, SAFETY_COPY_EVERY, clock);
            if (due && !closing) {
                takeSafetyCopy(store, "at the day's first start");
            }
            return due;
        }).onFailure(error -> log.warn("Could not look for the safety copy of {}", directory, error))
                .executeWith(taskExecutor);
    }


    private void watchQueries(LocalStore store) {
        if (store.isReady() && !closing) {
            try {
                store.awaitReady();
                return;
            } catch (RuntimeException e) {
                queriesFailed(e);
                return;
            }
        }
        BackgroundTask.of("Starting the books' queries", () -> {
            store.awaitReady();
            return null;
        }).onFailure(this::queriesFailed).executeWith(taskExecutor);
    }

    private void queriesFailed(Throwable error) {
        if (closing) {
            return;
        }
        log.error("The books in {} opened, but their queries could not start", directory, error);
        problem.set(error.getMessage() + " Only the practice list can be shown; choose another data folder in "
                + "Settings or restore a backup, and start BooksFlow again.");
    }

    /** Opening finished after Cancel was pressed: nothing uses the store, so it is closed again. */
    private void openCancelled() {
        LocalStore store = opened.getAndSet(null);
        if (store != null) {
            store.close();
        }
        if (!closing) {
            problem.set("Opening the books was cancelled. Start BooksFlow again to open them.");
        }
    }

    private void openFailed(Throwable error) {
        if (closing) {
            return;
        }
        if (error instanceof StoreLockedException locked) {
            log.warn("{}", locked.getMessage());
            fatal.set(true);
            problem.set(locked.getMessage());
            return;
        }
        if (error instanceof NewerBooksException newer) {
            log.warn("Not opening the books in {}: {}", directory.root(), newer.getMessage());
            fatal.set(true);
            problem.set("The books in " + directory.root() + " cannot be opened here. " + newer.getMessage());
            return;
        }
        log.error("Could not open the books in {}", directory, error);
        if (DamagedBooksException.isDamage(error)) {
            offerRecovery("The books in " + directory.root() + " could not be opened: " + rootMessage(error)
                    + (rootMessage(error).endsWith(".") ? "" : "."), false);
            return;
        }
        problem.set("The books in " + directory.root() + " could not be opened: " + error.getMessage()
                + " Choose another data folder in Settings and start BooksFlow again.");
    }

    public ReadOnlyObjectProperty<OpenBooks> booksProperty() {
        return books.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fatalProperty() {
        return fatal.getReadOnlyProperty();
    }

    /**
     * What the user may do with books that do not open or read whole, until they choose; otherwise null. Set
     * before {@link #problemProperty()} says why.
     */
    public ReadOnlyObjectProperty<Recovery> recoveryProperty() {
        return recovery.getReadOnlyProperty();
    }

    /** Transactions that search does not find yet, because their terms are still being written; usually 0. */
    public ReadOnlyLongProperty unindexedProperty() {
        return unindexed.getReadOnlyProperty();
    }

    /**
     * For the app's exit, before the executor stops: lets a running demo load finish the client it is
     * on (H2 must not be interrupted or closed in the middle of a write), then closes the store.
     */
    public void close() {
        close(false);
    }

    /**
     * As {@link #close()}; with {@code tidy}, the books are tidied as they close when their file is mostly free
     * space ({@link LocalStore#closeAndTidy()}): for the end of the app after its window closed.
     */
    public void close(boolean tidy) {
        closing = true;
        LocalStore open = opened.get();
        if (open != null) {
            // A safety copy in progress would hold the close up for seconds on large books: it is not kept.
            open.stopSafetyCopies();
        }
        boolean locked = false;
        try {
            locked = working.tryLock(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!locked) {
                log.warn("The startup work did not stop within {}; closing the books anyway", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            LocalStore store = opened.getAndSet(null);
            if (store != null && tidy) {
                store.closeAndTidy();
            } else if (store != null) {
                store.close();
            }
        } catch (RuntimeException e) {
            log.warn("Closing the books in {} failed", directory, e);
        } finally {
            if (locked) {
                working.unlock();
            }
        }
    }

    private <T> T whileOpen(Callable<T> work) throws Exception {
        working.lock();
        try {
            if (closing) {
                throw new CancellationException("The window is closing");
            }
            return work.call();
        } finally {
            working.unlock();
        }
    }

    private BackgroundTask.Progress stopOnClose(BackgroundTask.Progress progress) {
        return new BackgroundTask.Progress() {
            @Override
            public void update(long done, long total) {
                progress.update(done, total);
            }

            @Override
            public void message(String message) {
                progress.message(message);
            }

            @Override
            public boolean isCancelled() {
                return closing || progress.isCancelled();
            }
        };
    }
}
