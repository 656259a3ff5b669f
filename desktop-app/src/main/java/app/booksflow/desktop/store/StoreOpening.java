package app.booksflow.desktop.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opening the books begun early, on a thread of its own, so that the lock, Flyway and Hibernate's
 * start-up overlap with the window being built on the other core. Whoever needs the store waits for it.
 */
public final class StoreOpening {

    private final DataDirectory directory;
    private final CompletableFuture<LocalStore> store = new CompletableFuture<>();

    private StoreOpening(DataDirectory directory) {
        this.directory = directory;
    }

    public static StoreOpening begin(DataDirectory directory) {
        StoreOpening opening = new StoreOpening(directory);
        Thread thread = new Thread(() -> {
            try {
                opening.store.complete(LocalStore.open(directory));
            } catch (Throwable e) {
                opening.store.completeExceptionally(e);
            }
        }, "books-opener");
        thread.setDaemon(true);
        thread.start();
        return opening;
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
