package app.booksflow.desktop.gui.startup;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.NewerBooksException;
import app.booksflow.desktop.store.StoreLockedException;
import app.booksflow.desktop.store.StoreOpening;
import java.time.Clock;
import java.time.Duration;
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
        void loadIfEmpty(LocalStore store, Clock clock, BackgroundTask.Progress progress);
    }

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
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
        BackgroundTask.withProgress("Opening the books", progress -> whileOpen(() -> {
            // Updating books kept by an earlier version can take minutes: the status bar says so.
            LocalStore store = open.apply(progress::message);
            opened.set(store);
            return store;
        })).onSuccess(this::checkIfLeftOpen).onFailure(this::openFailed).onCancelled(this::openCancelled)
                .executeWith(taskExecutor);
    }

    /**
     * Books that were not closed the last time (a crash, a kill, a power cut) have their ledger checked and
     * repaired before anything shows it (ADR 0038); the user hears of it only when something was repaired.
     */
    private void checkIfLeftOpen(LocalStore store) {
        if (!store.leftOpenBefore()) {
            loadDemo(store);
            return;
        }
        BackgroundTask.withProgress("Checking the books: BooksFlow was not closed properly the last time",
                progress -> whileOpen(() -> new LedgerServices(store, clock).repair().checkAndRepair()))
                .onSuccess(report -> {
                    store.checkedAfterUncleanStop();
                    log.info("Checked the {} transactions of {} after an unclean stop: {}", report.checked(), directory,
                            report.whole() ? "whole" : report.repaired());
                    if (!report.whole() && !closing) {
                        problem.set(report.summary());
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

    private void loadDemo(LocalStore store) {
        BackgroundTask.withProgress("Loading the demo practice", progress -> {
            whileOpen(() -> {
                demoLoader.loadIfEmpty(store, clock, stopOnClose(progress));
                return null;
            });
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
                        indexNextChunk(store, 0, pending);
                    }
                })
                .onFailure(error -> log.error("Could not read the search backlog of {}", directory, error))
                .executeWith(taskExecutor);
    }

    private void indexNextChunk(LocalStore store, long done, long total) {
        BackgroundTask.withProgress("Indexing transactions for search", progress -> whileOpen(() -> {
            progress.update(done, total);
            SearchBacklog.indexNext(store);
            return SearchBacklog.pending(store);
        })).onSuccess(left -> {
            unindexed.set(left);
            if (left > 0 && !closing) {
                long all = Math.max(total, done + left);
                indexNextChunk(store, all - left, all);
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
        }
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

    /** Transactions that search does not find yet, because their terms are still being written; usually 0. */
    public ReadOnlyLongProperty unindexedProperty() {
        return unindexed.getReadOnlyProperty();
    }

    /**
     * For the app's exit, before the executor stops: lets a running demo load finish the client it is
     * on (H2 must not be interrupted or closed in the middle of a write), then closes the store.
     */
    public void close() {
        closing = true;
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
            if (store != null) {
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
