package app.booksflow.desktop.gui.search;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.gui.search.SearchResult.ReceiptFound;
import app.booksflow.desktop.gui.search.SearchResult.TransactionFound;
import app.booksflow.desktop.search.ReceiptHit;
import app.booksflow.desktop.search.ReceiptSearch;
import app.booksflow.desktop.search.SearchField;
import app.booksflow.desktop.search.SearchHit;
import app.booksflow.desktop.search.SearchService;
import app.booksflow.desktop.settings.Settings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search across all clients in the main window: the text typed, the ranked transactions found and
 * after them the receipts whose words match (when receipt search is available), the one selected, and
 * opening it. {@link #search()} reads off the FX thread; an answer to an older text
 * is dropped, so fast typing never shows the results of a word already changed. Waiting for a pause
 * in the typing is the view's business.
 */
public final class SearchViewModel {

    /** Hits shown at most: enough to scan, few enough to read quickly. */
    static final int LIMIT = 20;
    /** Receipts shown at most, after the transactions. */
    static final int RECEIPT_LIMIT = 5;
    /** Longer text is cut: nobody types more, and each word is a lookup. */
    static final int MAX_QUERY_LENGTH = 200;

    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Consumer<SearchHit> openHit;
    private final Consumer<ReceiptHit> openReceipt;

    private final ObjectProperty<SearchService> service = new SimpleObjectProperty<>(this, "service");
    private final ObjectProperty<ReceiptSearch> receiptSearch = new SimpleObjectProperty<>(this, "receiptSearch");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final LongProperty unindexed = new SimpleLongProperty(this, "unindexed", 0);

    private long generation;

    /**
     * @param openHit     shows the transaction of a hit the user opened (its client, then the transaction)
     * @param openReceipt shows the receipt of a hit the user opened (its client, then the receipt)
     */
    public SearchViewModel(ObservableValue<Settings> settings, TaskExecutor taskExecutor, Consumer<SearchHit> openHit,
            Consumer<ReceiptHit> openReceipt) {
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.openHit = Objects.requireNonNull(openHit);
        this.openReceipt = Objects.requireNonNull(openReceipt);
        available.bind(service.isNotNull());
        unindexed.addListener((property, before, now) -> {
            // What was shown was searched without the transactions that were still being indexed.
            if (now.longValue() == 0 && showing.get()) {
                search();
            }
        });
    }

    /** Searches for the current text; a blank text closes the list at once. */
    public void search() {
        long asked = ++generation;
        SearchService searcher = service.get();
        String text = query.get() == null ? "" : query.get().strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        if (searcher == null || text.isEmpty()) {
            results.clear();
            selectedIndex.set(-1);
            message.set("");
            showing.set(false);
            return;
        }
        String wanted = text;
        Settings shownWith = settings.getValue();
        ReceiptSearch receiptSearcher = receiptSearch.get();
        BackgroundTask.of("Searching", () -> new Found(searcher.search(wanted, null, LIMIT),
                        receiptSearcher == null ? List.of() : receiptSearcher.search(wanted, null, RECEIPT_LIMIT),
                        receiptSearcher != null))
                .onSuccess(found -> {
                    if (asked == generation) {
                        show(wanted, found, shownWith);
                    }
                })
                .onFailure(error -> {
                    if (asked == generation) {
                        results.clear();
                        selectedIndex.set(-1);
                        message.set("The search failed: " + error.getMessage());
                        showing.set(true);
                    }
                })
                .executeWith(taskExecutor);
    }

    private record Found(List<SearchHit> transactions, List<ReceiptHit> receipts, boolean receiptsSearched) {
    }

    private void show(String wanted, Found found, Settings shownWith) {
        Amounts amounts = Amounts.of(shownWith);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(shownWith.locale());
        List<SearchResult> shown = new ArrayList<>();
        for (SearchHit hit : found.transactions()) {
            shown.add(new SearchResult(new TransactionFound(hit), hit.clientName(), dates.format(hit.date()), hit.payee(),
                    hit.memo() == null ? "" : hit.memo(), amounts.format(hit.total()), describe(hit.field())));
        }
        for (ReceiptHit hit : found.receipts()) {
            // The date printed on the receipt when it was read, else the day it arrived.
            String date = dates.format(hit.date().orElseGet(() -> hit.receivedAt().atZone(ZoneId.systemDefault())
                    .toLocalDate()));
            shown.add(new SearchResult(new ReceiptFound(hit), hit.clientName(), date,
                    hit.vendor().orElse(hit.originalName()), hit.excerpt(), hit.total().map(amounts::format).orElse(""),
                    "receipt"));
        }
        results.setAll(shown);
        selectedIndex.set(results.isEmpty() ? -1 : 0);
        message.set(!results.isEmpty() ? "" : unindexed.get() > 0
                ? "No transaction matches \u201C" + wanted + "\u201D yet: " + String.format(shownWith.locale(), "%,d",
                        unindexed.get()) + " transactions are still being indexed for search."
                : (found.receiptsSearched() ? "No transaction or receipt" : "No transaction") + " matches \u201C"
                        + wanted + "\u201D.");
        showing.set(true);
    }

    private static String describe(SearchField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Moves the selection by {@code delta} rows, staying within the list. */
    public void moveSelection(int delta) {
        if (results.isEmpty()) {
            return;
        }
        selectedIndex.set(Math.max(0, Math.min(results.size() - 1, selectedIndex.get() + delta)));
    }

    public void select(int index) {
        if (index >= 0 && index < results.size()) {
            selectedIndex.set(index);
        }
    }

    /** Opens the selected hit and closes the list; nothing happens when nothing is selected. */
    public void openSelected() {
        int index = selectedIndex.get();
        if (showing.get() && index >= 0 && index < results.size()) {
            showing.set(false);
            switch (results.get(index).found()) {
                case TransactionFound transaction -> openHit.accept(transaction.hit());
                case ReceiptFound receipt -> openReceipt.accept(receipt.hit());
            }
        }
    }

    /** Closes the list, keeping the text, so the same search can be shown again. */
    public void close() {
        generation++;
        showing.set(false);
    }

    /** Set once the books are open; until then nothing can be searched. */
    public ObjectProperty<SearchService> serviceProperty() {
        return service;
    }

    /** Set once the books are open, beside {@link #serviceProperty()}; without it only transactions are found. */
    public ObjectProperty<ReceiptSearch> receiptSearchProperty() {
        return receiptSearch;
    }

    /** Transactions that search does not find yet (a bulk load being indexed); the results are asked again at 0. */
    public LongProperty unindexedProperty() {
        return unindexed;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The best hits first. */
    public ObservableList<SearchResult> results() {
        return results;
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** Whether the list of results (or the message why it is empty) is open. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Why there are no results; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
