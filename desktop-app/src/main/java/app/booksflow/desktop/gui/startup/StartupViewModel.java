package app.booksflow.desktop.gui.startup;

import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.StoreLockedException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * is locked by another window).
 */
public final class StartupViewModel {

    /** Fills a store that holds no practice yet; it may call {@code progress.stopIfCancelled()} between clients. */
    @FunctionalInterface
    public interface DemoLoader {
        void loadIfEmpty(LocalStore store, Clock clock, BackgroundTask.Progress progress);
    }

    private static final Logger log = LoggerFactory.getLogger(StartupViewModel.class);

    private final DataDirectory directory;
    private final Clock clock;
    private final TaskExecutor taskExecutor;
    private final DemoLoader demoLoader;
    /** The store as soon as it is open, also when the window closes before the startup finished. */
    private final AtomicReference<LocalStore> opened = new AtomicReference<>();

    private final ReadOnlyObjectWrapper<OpenBooks> books = new ReadOnlyObjectWrapper<>(this, "books");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper fatal = new ReadOnlyBooleanWrapper(this, "fatal", false);

    public StartupViewModel(DataDirectory directory, Clock clock, TaskExecutor taskExecutor, DemoLoader demoLoader) {
        this.directory = Objects.requireNonNull(directory);
        this.clock = Objects.requireNonNull(clock);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.demoLoader = Objects.requireNonNull(demoLoader);
    }

    public void start() {
        BackgroundTask.of("Opening the books", () -> {
            LocalStore store = LocalStore.open(directory);
            opened.set(store);
            return store;
        }).onSuccess(this::loadDemo).onFailure(this::openFailed).executeWith(taskExecutor);
    }

    private void loadDemo(LocalStore store) {
        BackgroundTask.withProgress("Loading the demo practice", progress -> {
            demoLoader.loadIfEmpty(store, clock, progress);
            return OpenBooks.of(store, clock);
        }).onSuccess(books::set).onFailure(error -> {
            log.error("The demo practice could not be loaded into {}", directory, error);
            problem.set("The demo practice could not be loaded (" + error.getMessage() + "). Your own books are unchanged.");
            books.set(OpenBooks.of(store, clock));
        }).executeWith(taskExecutor);
    }

    private void openFailed(Throwable error) {
        if (error instanceof StoreLockedException locked) {
            log.warn("{}", locked.getMessage());
            fatal.set(true);
            problem.set(locked.getMessage());
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

    /** For the app's exit, after the executor has stopped: closes the store if it was opened. */
    public void close() {
        LocalStore store = opened.getAndSet(null);
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                log.warn("Closing the books in {} failed", directory, e);
            }
        }
    }
}
