package app.booksflow.desktop.gui.transactions;

import app.booksflow.desktop.ledger.LedgerRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.collections.ObservableListBase;

/**
 * The ledger as a list as long as the query's count, holding only the pages that were looked at. A row
 * not read yet is null, and asking for it asks the loader for its page once; when the page arrives its
 * rows replace the nulls. The table is virtualized, so it only asks for the rows on screen: scrolling
 * through 100,000 rows reads the pages passed on the way, and at most {@link #KEPT_PAGES} stay in memory.
 */
final class LazyLedgerList extends ObservableListBase<LedgerRow> {

    static final int PAGE_SIZE = 200;
    static final int KEPT_PAGES = 50;

    private final IntConsumer loader;
    private final Map<Integer, List<LedgerRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<LedgerRow>> eldest) {
            return size() > KEPT_PAGES;
        }
    };
    private final java.util.Set<Integer> requested = new java.util.HashSet<>();
    private int size;

    /** @param loader asked for a page number (0 is the first); answers with {@link #putPage} */
    LazyLedgerList(IntConsumer loader) {
        this.loader = loader;
    }

    @Override
    public LedgerRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int page = index / PAGE_SIZE;
        List<LedgerRow> rows = pages.get(page);
        if (rows == null) {
            if (requested.add(page)) {
                loader.accept(page);
            }
            rows = pages.get(page);
            if (rows == null) {
                return null;
            }
        }
        int at = index % PAGE_SIZE;
        return at < rows.size() ? rows.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** A new query's count and first page; every other page is forgotten. */
    void reset(int newSize, List<LedgerRow> firstPage) {
        pages.clear();
        requested.clear();
        if (!firstPage.isEmpty()) {
            pages.put(0, List.copyOf(firstPage));
            requested.add(0);
        }
        int oldSize = size;
        size = newSize;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, java.util.Collections.nCopies(oldSize, (LedgerRow) null));
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /**
     * The list grows to the count, known after its first page is shown: the rows already read stay, and
     * the new ones are added after them (a selection at the top is kept).
     */
    void growTo(int newSize) {
        if (newSize <= size) {
            return;
        }
        int oldSize = size;
        size = newSize;
        beginChange();
        nextAdd(oldSize, newSize);
        endChange();
    }

    /** The rows of a page that was asked for. */
    void putPage(int page, List<LedgerRow> rows) {
        pages.put(page, List.copyOf(rows));
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + rows.size());
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, null);
        }
        endChange();
    }

    /** A page that could not be read may be asked for again. */
    void forget(int page) {
        requested.remove(page);
    }

    /** True when the row at the index has been read. */
    boolean isLoaded(int index) {
        List<LedgerRow> rows = pages.get(index / PAGE_SIZE);
        return rows != null && index % PAGE_SIZE < rows.size();
    }

    /** The index of the row with the given id among the pages read, or -1. */
    int indexOf(app.booksflow.model.id.TransactionId id) {
        for (Map.Entry<Integer, List<LedgerRow>> page : pages.entrySet()) {
            List<LedgerRow> rows = page.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(id)) {
                    return page.getKey() * PAGE_SIZE + i;
                }
            }
        }
        return -1;
    }
}
