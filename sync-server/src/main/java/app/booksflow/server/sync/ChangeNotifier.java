package app.booksflow.server.sync;

import app.booksflow.model.id.ClientId;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes long-polling pulls when a client's change log grows. A puller takes the signal before it
 * reads, so a change that commits between its read and its wait still wakes it.
 */
public final class ChangeNotifier {

    private final Map<ClientId, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();

    /** The signal that completes at the next commit of a change for the client. */
    public CompletableFuture<Void> nextChange(ClientId client) {
        return signals.computeIfAbsent(client, c -> new CompletableFuture<>());
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
