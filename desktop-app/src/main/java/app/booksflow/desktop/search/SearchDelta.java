package app.booksflow.desktop.search;

import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The index change a write accumulates: per transaction its final state, written once just before
 * the commit. A write that inserts and edits the same transaction thus indexes it once, as it ends up.
 */
public final class SearchDelta {

    private final Map<TransactionId, Optional<Transaction>> changed = new LinkedHashMap<>();

    public void put(Transaction transaction) {
        changed.put(transaction.id(), Optional.of(transaction));
    }

    public void remove(TransactionId transaction) {
        changed.put(transaction, Optional.empty());
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    /** Within the caller's write transaction, after the ledger rows were flushed. */
    public void apply(Session session) {
        if (changed.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (SearchTermWriter writer = new SearchTermWriter(connection)) {
                for (Map.Entry<TransactionId, Optional<Transaction>> entry : changed.entrySet()) {
                    writer.remove(entry.getKey());
                    if (entry.getValue().isPresent()) {
                        writer.add(entry.getValue().get());
                    }
                }
            }
        });
        changed.clear();
    }
}
