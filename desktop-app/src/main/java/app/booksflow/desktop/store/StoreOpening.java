package app.booksflow.desktop.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Opening the books begun early, on a thread of its own, so that the lock, Flyway and Hibernate's
 * start-up overlap with the window being built on the other core. Whoever needs the store waits for it.
 */
public final class StoreOpening {

    private final DataDirectory directory;
    private final CompletableFuture<LocalStore> store = new CompletableFuture<>();
    /** What opening does now (a migration), for whoever waits; null until it says. */
    private volatile String stage;
    private volatile Consumer<String> stages = text -> { };

    private StoreOpening(DataDirectory directory) {
        this.directory = directory;
    }

    public static StoreOpening begin(DataDirectory directory) {
        StoreOpening opening = new StoreOpening(directory);
        Thread thread = new Thread(() -> {
            try {
                opening.store.complete(LocalStore.open(directory, opening::report));
            } catch (Throwable e) {
                opening.store.completeExceptionally(e);
            }
        }, "books-opener");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    private void report(String text) {
        stage = text;
        stages.accept(text);
    }

    public DataDirectory directory() {
        return directory;
    }

    /**
     * The open store once it is ready.
     *
     * @throws RuntimeException what opening threw, such as {@link StoreLockedException}
     */
    public LocalStore await() {
        return await(text -> { });
    }

    /**
     * Like {@link #await()}, telling {@code stages} what opening does meanwhile (from what it does now on), such as
     * updating books kept by an earlier version.
     */
    public LocalStore await(Consumer<String> stages) {
        this.stages = stages;
        String now = stage;
        if (now != null && !store.isDone()) {
            stages.accept(now);
        }
        return join();
    }

    private LocalStore join() {
        try {
            return store.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
