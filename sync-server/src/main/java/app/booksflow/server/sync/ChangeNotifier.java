package app.booksflow.server.sync;

import app.booksflow.model.id.ClientId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polling pulls when a client's change log grows. A puller takes the signal before it
 * reads, so a change that commits between its read and its wait still wakes it. When the server
 * stops, every waiting pull is woken and none waits again, so a stop never waits for long polls.
 */
public final class ChangeNotifier implements AutoCloseable {

    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private final Map<ClientId, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The signal that completes at the next commit of a change for the client, or at once after {@link #close}. */
    public CompletableFuture<Void> nextChange(ClientId client) {
        if (closed) {
            return NOW;
        }
        CompletableFuture<Void> signal = signals.computeIfAbsent(client, c -> new CompletableFuture<>());
        if (closed) {
            signal.complete(null); // closed meanwhile: close() may have run before this signal was added
        }
        return signal;
    }

    /** Whether the server is stopping: a waiting pull answers what it has rather than wait again. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        changed(List.copyOf(signals.keySet()));
    }

    public void changed(Collection<ClientId> clients) {
        for (ClientId client : clients) {
            CompletableFuture<Void> signal = signals.remove(client);
            if (signal != null) {
                signal.complete(null);
            }
        }
    }
}
