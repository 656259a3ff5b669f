package app.booksflow.desktop.gui.transactions;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.FailureMessages;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerPage;
import app.booksflow.desktop.ledger.LedgerPages;
import app.booksflow.desktop.ledger.LedgerQuery;
import app.booksflow.desktop.ledger.LedgerRow;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.LedgerSort;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.MoneyFormat;
import app.booksflow.model.practice.Client;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The ledger of the shown client: a filtered, sorted list read page by page in the background, and an
 * editor for one transaction (a bank account line and one category line inline, any number of lines
 * through the splits dialog). Every read and write is a background task; a refused save keeps what the
 * user typed and says why next to the field, or in {@link #editorErrorProperty()} for the domain's
 * refusals (closed period, unbalanced splits, a stale copy).
 */
public final class TransactionsViewModel {

    private final LedgerServices ledger;
    private final LedgerPages pages;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;
    private final String user;
    private final Consumer<Instant> saved;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private Client clientRecord;
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObservableList<Account> bankAccounts = FXCollections.observableArrayList();
    private final ObservableList<TaxCode> taxCodes = FXCollections.observableArrayList();

    // Filters and order
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ObjectProperty<Account> filterAccount = new SimpleObjectProperty<>(this, "filterAccount");
    private final StringProperty minAmount = new SimpleStringProperty(this, "minAmount", "");
    private final StringProperty maxAmount = new SimpleStringProperty(this, "maxAmount", "");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper dateRangeError = new ReadOnlyStringWrapper(this, "dateRangeError", "");
    private final ReadOnlyStringWrapper minAmountError = new ReadOnlyStringWrapper(this, "minAmountError", "");
    private final ReadOnlyStringWrapper maxAmountError = new ReadOnlyStringWrapper(this, "maxAmountError", "");
    private final ObjectProperty<LedgerSort> sort = new SimpleObjectProperty<>(this, "sort", LedgerSort.DATE);
    private final BooleanProperty descending = new SimpleBooleanProperty(this, "descending", true);
    private boolean applyingFilters;

    // The list
    private final LazyLedgerList rows = new LazyLedgerList(this::loadPage);
    private LedgerQuery currentQuery;
    private int generation;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count", 0);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyIntegerWrapper focusIndex = new ReadOnlyIntegerWrapper(this, "focusIndex", -1);
    private final ObjectProperty<LedgerRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final LongProperty unindexed = new SimpleLongProperty(this, "unindexed", 0);

    // The editor
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper(this, "editorTitle", "");
    private StoredTransaction original;
    private boolean editNextAfterLoad;
    private String rejectedDate;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty payee = new SimpleStringProperty(this, "payee", "");
    private final StringProperty memo = new SimpleStringProperty(this, "memo", "");
    private final ObjectProperty<Account> bankAccount = new SimpleObjectProperty<>(this, "bankAccount");
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>(this, "account");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper(this, "dateError", "");
    private final ReadOnlyStringWrapper payeeError = new ReadOnlyStringWrapper(this, "payeeError", "");
    private final ReadOnlyStringWrapper bankAccountError = new ReadOnlyStringWrapper(this, "bankAccountError", "");
    private final ReadOnlyStringWrapper accountError = new ReadOnlyStringWrapper(this, "accountError", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError", "");
    private final ReadOnlyStringWrapper editorError = new ReadOnlyStringWrapper(this, "editorError", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);

    // The splits: used instead of the account field when the transaction has several category lines
    private final ReadOnlyBooleanWrapper splitMode = new ReadOnlyBooleanWrapper(this, "splitMode", false);
    private final ObservableList<SplitDraft> splits = FXCollections.observableArrayList(
            line -> new javafx.beans.Observable[] {line.amountProperty()});
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper(this, "remaining", "");
    private final ReadOnlyStringWrapper splitsError = new ReadOnlyStringWrapper(this, "splitsError", "");

    /**
     * @param user the name written into the audit trail for every change made here
     * @param saved told the time of every write that succeeded, for the status bar's "last save"
     */
    public TransactionsViewModel(LedgerServices ledger, LedgerPages pages, ObservableValue<Settings> settings,
            TaskExecutor taskExecutor, Clock clock, String user, Consumer<Instant> saved) {
        this.ledger = Objects.requireNonNull(ledger);
        this.pages = Objects.requireNonNull(pages);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        this.user = Objects.requireNonNull(user);
        this.saved = Objects.requireNonNull(saved);
        client.addListener((observable, old, id) -> openClient(id));
        for (ObservableValue<?> filter : List.of(fromDate, toDate, filterAccount, minAmount, maxAmount, filterText,
                sort, descending)) {
            filter.addListener((observable, old, value) -> {
                if (!applyingFilters) {
                    refresh();
                }
            });
        }
        unindexed.addListener((observable, old, now) -> {
            // The text filter reads the search terms: a list filtered by text while a bulk load was being
            // indexed lacked its transactions.
            if (now.longValue() == 0 && !filterText.get().isBlank()) {
                refresh();
            }
        });
        splits.addListener((ListChangeListener<SplitDraft>) change -> updateRemaining());
        date.addListener((observable, old, value) -> {
            if (value != null) {
                rejectedDate = null;
            }
        });
        amount.addListener((observable, old, value) -> updateRemaining());
    }

    // ------------------------------------------------------------------ client and list

    /** The client whose ledger is shown; bind it to the window's shown client. */
    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    private void openClient(ClientId id) {
        cancelEdit();
        applyingFilters = true;
        try {
            fromDate.set(null);
            toDate.set(null);
            filterAccount.set(null);
            minAmount.set("");
            maxAmount.set("");
            filterText.set("");
        } finally {
            applyingFilters = false;
        }
        accounts.clear();
        bankAccounts.clear();
        taxCodes.clear();
        clientRecord = null;
        if (id == null) {
            generation++;
            rows.reset(0, List.of());
            count.set(0);
            countText.set("");
            return;
        }
        BackgroundTask.of("Reading the chart of accounts", () -> new ClientBooks(
                        ledger.clients().find(id).orElseThrow(() -> new DomainException(
                                app.booksflow.model.DomainError.INVALID_STATE, "The client no longer exists on this device.")),
                        ledger.accounts().chart(id), ledger.taxCodes().list(id)))
                .onSuccess(books -> {
                    if (!id.equals(client.get())) {
                        return;
                    }
                    clientRecord = books.client();
                    accounts.setAll(books.chart().accounts());
                    bankAccounts.setAll(books.chart().accounts().stream()
                            .filter(a -> a.type() == AccountType.ASSET || a.type() == AccountType.LIABILITY).toList());
                    taxCodes.setAll(books.taxCodes());
                })
                .onFailure(error -> message.set("The client's accounts could not be read: " + error.getMessage()))
                .executeWith(taskExecutor);
        refresh();
    }

    private record ClientBooks(Client client, ChartOfAccounts chart, List<TaxCode> taxCodes) {
    }

    /** Reads the count and the first page again for the current filters and order. */
    public void refresh() {
        load(null);
    }

    /** @param target a transaction to find and select once the list is read, or null */
    private void load(TransactionId target) {
        ClientId id = client.get();
        if (id == null) {
            return;
        }
        Optional<LedgerQuery> query = query(id);
        if (query.isEmpty()) {
            return;
        }
        LedgerQuery wanted = query.get();
        int loadGeneration = ++generation;
        loading.set(true);
        if (target == null) {
            loadRowsThenCount(wanted, loadGeneration);
            return;
        }
        BackgroundTask.of("Reading the ledger", () -> readList(wanted, target))
                .onSuccess(read -> {
                    if (loadGeneration != generation) {
                        return;
                    }
                    loading.set(false);
                    currentQuery = wanted;
                    count.set(read.page().totalCount());
                    countText.set(describeCount(read.page().totalCount(), wanted));
                    rows.reset((int) Math.min(Integer.MAX_VALUE, read.page().totalCount()), read.page().rows());
                    if (!wanted.text().isEmpty() && unindexed.get() > 0) {
                        message.set("The text filter does not see the " + String.format(settings.getValue().locale(), "%,d",
                                unindexed.get()) + " transactions still being indexed; the list follows when they are.");
                    }
                    if (read.position() >= 0) {
                        int page = (int) (read.position() / LazyLedgerList.PAGE_SIZE);
                        if (page > 0) {
                            rows.putPage(page, read.targetPage());
                        }
                        focus((int) read.position());
                        if (editNextAfterLoad) {
                            editNextAfterLoad = false;
                            int next = (int) read.position() + 1;
                            if (next < rows.size() && rows.get(next) != null) {
                                focus(next);
                                edit(rows.get(next));
                            }
                        }
                    } else if (target != null) {
                        message.set("That transaction is not in " + (clientRecord == null ? "this client" : clientRecord.name())
                                + "'s ledger any more.");
                    }
                })
                .onFailure(error -> {
                    if (loadGeneration == generation) {
                        loading.set(false);
                        message.set("The ledger could not be read: " + error.getMessage());
                    }
                })
                .executeWith(taskExecutor);
    }

    /**
     * The first page is shown as soon as it is read, the list as long as that page; the count of matches,
     * often the slower query, follows in a task of its own and the list then grows to it. A first page
     * that is not full is the whole list, so its count is not asked for.
     */
    private void loadRowsThenCount(LedgerQuery wanted, int loadGeneration) {
        BackgroundTask.of("Reading the ledger", () -> pages.rows(wanted, 0, LazyLedgerList.PAGE_SIZE))
                .onSuccess(first -> {
                    if (loadGeneration != generation) {
                        return;
                    }
                    loading.set(false);
                    // The same list read again (a refresh) keeps its length until the new count: it does not
                    // shrink to one page and jump back.
                    boolean again = wanted.equals(currentQuery) && first.size() == LazyLedgerList.PAGE_SIZE;
                    currentQuery = wanted;
                    rows.reset(again ? (int) Math.max(first.size(), Math.min(Integer.MAX_VALUE, count.get()))
                            : first.size(), first);
                    if (!wanted.text().isEmpty() && unindexed.get() > 0) {
                        message.set("The text filter does not see the " + String.format(settings.getValue().locale(), "%,d",
                                unindexed.get()) + " transactions still being indexed; the list follows when they are.");
                    }
                    if (first.size() < LazyLedgerList.PAGE_SIZE) {
                        count.set(first.size());
                        countText.set(describeCount(first.size(), wanted));
                        return;
                    }
                    if (!again) {
                        countText.set("Counting…");
                    }
                    BackgroundTask.of("Counting the ledger", () -> pages.count(wanted))
                            .onSuccess(total -> {
                                if (loadGeneration == generation) {
                                    int size = (int) Math.min(Integer.MAX_VALUE, total);
                                    count.set(total);
                                    countText.set(describeCount(total, wanted));
                                    if (size >= rows.size()) {
                                        rows.growTo(size);
                                    } else {
                                        rows.reset(size, first);
                                    }
                                }
                            })
                            .onFailure(error -> {
                                if (loadGeneration == generation) {
                                    countText.set("");
                                    message.set("The ledger could not be counted: " + error.getMessage());
                                }
                            })
                            .executeWith(taskExecutor);
                })
                .onFailure(error -> {
                    if (loadGeneration == generation) {
                        loading.set(false);
                        message.set("The ledger could not be read: " + error.getMessage());
                    }
                })
                .executeWith(taskExecutor);
    }

    private record ListRead(LedgerPage page, long position, List<LedgerRow> targetPage) {
    }

    private ListRead readList(LedgerQuery query, TransactionId target) {
        LedgerPage first = pages.page(query, 0, LazyLedgerList.PAGE_SIZE);
        if (target == null) {
            return new ListRead(first, -1, List.of());
        }
        long position = pages.positionOf(query, target);
        if (position < LazyLedgerList.PAGE_SIZE) {
            return new ListRead(first, position, List.of());
        }
        int page = (int) (position / LazyLedgerList.PAGE_SIZE);
        return new ListRead(first, position, pages.rows(query, page * LazyLedgerList.PAGE_SIZE, LazyLedgerList.PAGE_SIZE));
    }

    private void loadPage(int page) {
        LedgerQuery query = currentQuery;
        if (query == null) {
            rows.forget(page);
            return;
        }
        int pageGeneration = generation;
        BackgroundTask.of("Reading the ledger", () -> pages.rows(query, page * LazyLedgerList.PAGE_SIZE,
                        LazyLedgerList.PAGE_SIZE))
                .onSuccess(read -> {
                    if (pageGeneration == generation) {
                        rows.putPage(page, read);
                    }
                })
                .onFailure(error -> {
                    if (pageGeneration == generation) {
                        rows.forget(page);
                        message.set("The ledger could not be read: " + error.getMessage());
                    }
                })
                .executeWith(taskExecutor);
    }

    /** The query the filters describe, or empty (with the reasons next to the fields) when they cannot be read. */
    private Optional<LedgerQuery> query(ClientId id) {
        Currency currency = currency();
        Optional<Long> min = filterAmount(minAmount.get(), currency, minAmountError);
        Optional<Long> max = filterAmount(maxAmount.get(), currency, maxAmountError);
        dateRangeError.set("");
        if (minAmountError.get().isEmpty() && maxAmountError.get().isEmpty() && min.isPresent() && max.isPresent()
                && Math.abs(min.get()) > Math.abs(max.get())) {
            maxAmountError.set("The largest amount is smaller than the smallest.");
        }
        if (fromDate.get() != null && toDate.get() != null && fromDate.get().isAfter(toDate.get())) {
            dateRangeError.set("The range ends before it starts.");
        }
        if (!minAmountError.get().isEmpty() || !maxAmountError.get().isEmpty() || !dateRangeError.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LedgerQuery.of(id).between(fromDate.get(), toDate.get())
                    .onAccount(filterAccount.get() == null ? null : filterAccount.get().id())
                    .amountsBetween(min.orElse(null), max.orElse(null))
                    .containing(filterText.get()).sortedBy(sort.get(), descending.get()));
        } catch (DomainException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Long> filterAmount(String text, Currency currency, ReadOnlyStringWrapper error) {
        error.set("");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(format().parse(text, currency).minorUnits());
        } catch (DomainException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private String describeCount(long total, LedgerQuery query) {
        String number = String.format(locale(), "%,d", total);
        String noun = total == 1 ? " transaction" : " transactions";
        return query.isUnfiltered() ? number + noun : number + noun + (total == 1 ? " matches" : " match") + " the filters";
    }

    /** Clears every filter (not the order) and reads the list once. */
    public void clearFilters() {
        applyingFilters = true;
        try {
            fromDate.set(null);
            toDate.set(null);
            filterAccount.set(null);
            minAmount.set("");
            maxAmount.set("");
            filterText.set("");
        } finally {
            applyingFilters = false;
        }
        refresh();
    }

    /** Orders the list by the column, read in that order from the database. */
    public void sortBy(LedgerSort newSort, boolean newDescending) {
        applyingFilters = true;
        try {
            sort.set(Objects.requireNonNull(newSort));
            descending.set(newDescending);
        } finally {
            applyingFilters = false;
        }
        refresh();
    }

    /**
     * Shows the transaction: in the list as filtered when it is there, else with the filters cleared;
     * selects it and opens it in the editor. For the global search and other screens.
     */
    public void reveal(TransactionId id) {
        Objects.requireNonNull(id);
        ClientId shown = client.get();
        if (shown == null) {
            return;
        }
        Optional<LedgerQuery> filtered = query(shown);
        BackgroundTask.of("Finding the transaction", () -> filtered.map(q -> pages.positionOf(q, id)).orElse(-1L))
                .onSuccess(position -> {
                    if (position < 0) {
                        applyingFilters = true;
                        try {
                            fromDate.set(null);
                            toDate.set(null);
                            filterAccount.set(null);
                            minAmount.set("");
                            maxAmount.set("");
                            filterText.set("");
                        } finally {
                            applyingFilters = false;
                        }
                    }
                    load(id);
                })
                .onFailure(error -> message.set("The transaction could not be found: " + error.getMessage()))
                .executeWith(taskExecutor);
    }

    private void focus(int index) {
        focusIndex.set(-1);
        focusIndex.set(index);
        LedgerRow row = index >= 0 && index < rows.size() ? rows.get(index) : null;
        selectedRow.set(row);
    }

    // ------------------------------------------------------------------ editor

    /** A new transaction dated today, money out of the first bank account, in the editor. */
    public void newTransaction() {
        if (client.get() == null) {
            message.set("Open a client first.");
            return;
        }
        original = null;
        clearEditorErrors();
        date.set(LocalDate.now(clock));
        payee.set("");
        memo.set("");
        bankAccount.set(defaultBankAccount());
        account.set(null);
        amount.set("");
        splits.clear();
        splitMode.set(false);
        editorTitle.set("New transaction");
        editing.set(true);
    }

    private Account defaultBankAccount() {
        if (original != null) {
            return accountById(original.transaction().bankAccount());
        }
        return bankAccounts.isEmpty() ? null : bankAccounts.get(0);
    }

    /** Opens the row's transaction in the editor (read in the background). */
    public void edit(LedgerRow row) {
        if (row == null) {
            return;
        }
        BackgroundTask.of("Opening the transaction", () -> ledger.transactions().find(row.id()))
                .onSuccess(found -> found.ifPresentOrElse(this::fillEditor,
                        () -> message.set("The transaction no longer exists; it may have been deleted.")))
                .onFailure(error -> message.set("The transaction could not be read: " + error.getMessage()))
                .executeWith(taskExecutor);
    }

    private void fillEditor(StoredTransaction stored) {
        original = stored;
        Transaction t = stored.transaction();
        clearEditorErrors();
        date.set(t.date());
        payee.set(t.payee());
        memo.set(t.memo());
        bankAccount.set(accountById(t.bankAccount()));
        amount.set(format().formatAmount(t.total()));
        splits.setAll(t.splits().stream().map(split -> new SplitDraft(accountById(split.account()),
                split.taxCode().map(this::taxCodeById).orElse(null), format().formatAmount(split.amount().abs()),
                split.memo())).toList());
        boolean several = t.splits().size() > 1;
        splitMode.set(several);
        account.set(several ? null : accountById(t.splits().get(0).account()));
        editorTitle.set((clientRecord != null && clientRecord.isClosed(t.date()) ? "Closed period: " : "Editing ")
                + t.payee() + " of " + t.date());
        editing.set(true);
    }

    /** Closes the editor without saving. */
    public void cancelEdit() {
        original = null;
        editing.set(false);
        clearEditorErrors();
        splits.clear();
        splitMode.set(false);
        splitsError.set("");
    }

    private void clearEditorErrors() {
        if (!editing.get()) {
            rejectedDate = null;
        }
        for (ReadOnlyStringWrapper error : List.of(dateError, payeeError, bankAccountError, accountError, amountError,
                editorError)) {
            error.set("");
        }
    }

    /** The date field holds text that is not a date: the next save refuses with it, next to the field. */
    public void rejectDate(String typed, String example) {
        date.set(null);
        rejectedDate = "'" + typed + "' is not a date; write it like " + example + ".";
        dateError.set(rejectedDate);
    }

    /** Checks the fields and saves; a refused save keeps the input and says why. */
    public void save() {
        save(false);
    }

    /**
     * Saves like {@link #save()}; after an edit of an existing transaction, the next row of the list
     * opens in the editor (Enter in the last field: the way through a bank statement).
     */
    public void saveAndEditNext() {
        save(true);
    }

    private void save(boolean thenNext) {
        if (!editing.get() || saving.get()) {
            return;
        }
        Optional<Transaction> built = build();
        if (built.isEmpty()) {
            return;
        }
        Transaction transaction = built.get();
        StoredTransaction base = original;
        saving.set(true);
        BackgroundTask.of(base == null ? "Saving the new transaction" : "Saving the transaction",
                        () -> base == null ? ledger.transactions().create(transaction, user)
                                : ledger.transactions().edit(transaction, base.version(), user))
                .onSuccess(stored -> {
                    saving.set(false);
                    saved.accept(clock.instant());
                    message.set("Saved " + transaction.payee() + " of " + transaction.date() + ".");
                    cancelEdit();
                    editNextAfterLoad = thenNext && base != null;
                    reveal(stored.transaction().id());
                })
                .onFailure(error -> {
                    saving.set(false);
                    editorError.set(describe(error));
                })
                .executeWith(taskExecutor);
    }

    private Optional<Transaction> build() {
        clearEditorErrors();
        Currency currency = currency();
        if (date.get() == null) {
            dateError.set(rejectedDate != null ? rejectedDate : "A date is required.");
        }
        if (payee.get() == null || payee.get().isBlank()) {
            payeeError.set("A payee is required.");
        }
        if (bankAccount.get() == null) {
            bankAccountError.set("Choose the bank, cash or card account the money moves through.");
        }
        Money total = null;
        try {
            total = format().parse(amount.get(), currency);
            if (total.isZero()) {
                amountError.set("The amount cannot be zero.");
                total = null;
            }
        } catch (DomainException e) {
            amountError.set(e.getMessage());
        }
        List<Split> lines = new ArrayList<>();
        if (!splitMode.get()) {
            if (account.get() == null) {
                accountError.set("Choose the account the amount belongs to.");
            } else if (total != null) {
                lines.add(singleLine(account.get(), total));
            }
        } else if (total != null) {
            Optional<List<Split>> fromDrafts = splitLines(total);
            if (fromDrafts.isEmpty()) {
                editorError.set("A split line cannot be read; open the splits (Ctrl+Shift+S) to correct it.");
            } else {
                lines.addAll(fromDrafts.get());
            }
        }
        if (hasEditorErrors() || total == null) {
            return Optional.empty();
        }
        try {
            TransactionStatus status = original == null ? TransactionStatus.POSTED : original.transaction().status();
            TransactionId id = original == null ? TransactionId.random() : original.transaction().id();
            return Optional.of(new Transaction(id, client.get(), date.get(), payee.get(), memo.get(),
                    bankAccount.get().id(), total, status, lines));
        } catch (DomainException e) {
            editorError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** One category line; an edit of a one-line transaction keeps its tax code and memo when the account stays. */
    private Split singleLine(Account target, Money total) {
        if (original != null && original.transaction().splits().size() == 1) {
            Split before = original.transaction().splits().get(0);
            if (before.account().equals(target.id())) {
                return new Split(target.id(), total, before.taxCode(), before.memo());
            }
        }
        return Split.of(target.id(), total);
    }

    private boolean hasEditorErrors() {
        return List.of(dateError, payeeError, bankAccountError, accountError, amountError, editorError).stream()
                .anyMatch(error -> !error.get().isEmpty());
    }

    /** Deletes the transaction in the editor, or the selected row. The view asks for confirmation first. */
    public void delete() {
        TransactionId id = original != null ? original.transaction().id()
                : selectedRow.get() != null ? selectedRow.get().id() : null;
        if (id == null) {
            return;
        }
        boolean fromEditor = original != null;
        BackgroundTask.of("Deleting the transaction", () -> {
                    ledger.transactions().delete(id, user);
                    return id;
                })
                .onSuccess(deleted -> {
                    saved.accept(clock.instant());
                    message.set("Deleted the transaction. Undo with Ctrl+Z.");
                    if (fromEditor) {
                        cancelEdit();
                    }
                    refresh();
                })
                .onFailure(error -> {
                    if (fromEditor) {
                        editorError.set(describe(error));
                    } else {
                        message.set(describe(error));
                    }
                })
                .executeWith(taskExecutor);
    }

    /** Reverts the last change made on this device and says what it was. */
    public void undo() {
        BackgroundTask.of("Undoing the last change", () -> ledger.undo().undoLast(user))
                .onSuccess(undone -> {
                    if (undone.isEmpty()) {
                        message.set("There is nothing to undo.");
                        return;
                    }
                    saved.accept(clock.instant());
                    message.set("Undone: " + undone.get());
                    cancelEdit();
                    refresh();
                })
                .onFailure(error -> message.set(describe(error)))
                .executeWith(taskExecutor);
    }

    private static String describe(Throwable error) {
        return FailureMessages.of(error, "The change could not be saved");
    }

    // ------------------------------------------------------------------ splits

    /**
     * Prepares the splits dialog: the transaction's lines, or one line from the account and amount
     * fields when it has only those.
     */
    public void openSplits() {
        if (!editing.get()) {
            return;
        }
        splitsError.set("");
        if (!splitMode.get()) {
            String typed = amount.get() == null ? "" : amount.get().strip();
            String lineAmount = typed.startsWith("-") ? typed.substring(1).strip() : typed;
            SplitDraft line = splits.isEmpty() ? new SplitDraft() : splits.get(0);
            line.accountProperty().set(account.get());
            line.amountProperty().set(lineAmount);
            splits.setAll(line);
        }
        updateRemaining();
    }

    public SplitDraft addSplitLine() {
        SplitDraft line = new SplitDraft();
        Optional<Money> left = remainingMoney();
        left.filter(money -> !money.isZero()).ifPresent(money -> line.amountProperty().set(format().formatAmount(money.abs())));
        splits.add(line);
        return line;
    }

    public void removeSplitLine(SplitDraft line) {
        splits.remove(line);
    }

    /**
     * Takes the dialog's lines into the editor when they add up to the total; refuses (and says by how
     * much they differ) when they do not.
     *
     * @return true when the dialog may close
     */
    public boolean applySplits() {
        splitsError.set("");
        Money total;
        try {
            total = format().parse(amount.get(), currency());
        } catch (DomainException e) {
            splitsError.set("Type the transaction's total first: " + e.getMessage());
            return false;
        }
        if (splits.isEmpty()) {
            splitsError.set("A transaction needs at least one line.");
            return false;
        }
        Optional<List<Split>> lines = splitLines(total);
        if (lines.isEmpty()) {
            splitsError.set("Some lines cannot be saved; see the messages beside them.");
            return false;
        }
        Money sum = Money.sum(lines.get().stream().map(Split::amount).toList(), total.currency());
        if (!sum.equals(total)) {
            splitsError.set("The lines add up to " + amounts().format(sum) + " but the total is "
                    + amounts().format(total) + "; " + amounts().format(total.minus(sum).abs())
                    + " is not allocated yet.");
            return false;
        }
        if (splits.size() == 1) {
            account.set(splits.get(0).accountProperty().get());
            splitMode.set(false);
        } else {
            account.set(null);
            splitMode.set(true);
        }
        accountError.set("");
        return true;
    }

    /** The drafts as splits with the sign of the total, or empty when a line cannot be read (its error is set). */
    private Optional<List<Split>> splitLines(Money total) {
        List<Split> lines = new ArrayList<>();
        boolean ok = true;
        for (SplitDraft line : splits) {
            line.errorProperty().set("");
            if (line.accountProperty().get() == null) {
                line.errorProperty().set("Choose an account.");
                ok = false;
                continue;
            }
            if (bankAccount.get() != null && line.accountProperty().get().id().equals(bankAccount.get().id())) {
                line.errorProperty().set("A line cannot book to the transaction's own bank account.");
                ok = false;
                continue;
            }
            try {
                Money money = format().parse(line.amountProperty().get(), total.currency()).abs();
                if (money.isZero()) {
                    line.errorProperty().set("A line cannot be zero; remove it instead.");
                    ok = false;
                    continue;
                }
                Money signed = total.isNegative() ? money.negate() : money;
                TaxCode tax = line.taxCodeProperty().get();
                lines.add(new Split(line.accountProperty().get().id(), signed,
                        Optional.ofNullable(tax).map(TaxCode::id), line.memoProperty().get()));
            } catch (DomainException e) {
                line.errorProperty().set(e.getMessage());
                ok = false;
            }
        }
        return ok ? Optional.of(lines) : Optional.empty();
    }

    private Optional<Money> remainingMoney() {
        try {
            Money total = format().parse(amount.get(), currency()).abs();
            Money sum = Money.zero(total.currency());
            for (SplitDraft line : splits) {
                String text = line.amountProperty().get();
                if (text != null && !text.isBlank()) {
                    sum = sum.plus(format().parse(text, total.currency()).abs());
                }
            }
            return Optional.of(total.minus(sum));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private void updateRemaining() {
        if (client.get() == null) {
            remaining.set("");
            return;
        }
        remaining.set(remainingMoney().map(left -> left.isZero() ? "Fully allocated"
                : left.isNegative() ? amounts().format(left.negate()) + " over the total"
                : amounts().format(left) + " left to allocate").orElse("Type a total and amounts to see what is left"));
    }

    // ------------------------------------------------------------------ helpers

    private Currency currency() {
        return clientRecord != null ? clientRecord.baseCurrency() : Currency.getInstance(locale().getCountry().isEmpty()
                ? Locale.UK : locale());
    }

    private Locale locale() {
        return settings.getValue().locale();
    }

    private MoneyFormat format() {
        return MoneyFormat.of(locale());
    }

    private Amounts amounts() {
        return Amounts.of(settings.getValue());
    }

    /** How the table shows an amount. */
    public String formatAmount(Money money) {
        return amounts().format(money);
    }

    private Account accountById(app.booksflow.model.id.AccountId id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private TaxCode taxCodeById(app.booksflow.model.id.TaxCodeId id) {
        return taxCodes.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ properties

    /** As long as the query's count; rows not read yet are null and are read when asked for. */
    public ObservableList<LedgerRow> rows() {
        return rows;
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    public ObservableList<Account> bankAccounts() {
        return bankAccounts;
    }

    public ObservableList<TaxCode> taxCodes() {
        return taxCodes;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObjectProperty<Account> filterAccountProperty() {
        return filterAccount;
    }

    public StringProperty minAmountProperty() {
        return minAmount;
    }

    public StringProperty maxAmountProperty() {
        return maxAmount;
    }

    /** Words starting words of the payee or memo (see {@link LedgerQuery}). The view debounces typing before setting it. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyStringProperty dateRangeErrorProperty() {
        return dateRangeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty minAmountErrorProperty() {
        return minAmountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxAmountErrorProperty() {
        return maxAmountError.getReadOnlyProperty();
    }

    public ObjectProperty<LedgerSort> sortProperty() {
        return sort;
    }

    public BooleanProperty descendingProperty() {
        return descending;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "12,345 transactions" or "12 transactions match the filters". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The index the view should scroll to and select (after a save or a reveal); -1 for none. */
    public ReadOnlyIntegerProperty focusIndexProperty() {
        return focusIndex.getReadOnlyProperty();
    }

    public ObjectProperty<LedgerRow> selectedRowProperty() {
        return selectedRow;
    }

    /** What just happened (saved, undone, deleted) or why a read failed. */
    /** Transactions a bulk load left to the search indexer, which the text filter does not see yet; usually 0. */
    public LongProperty unindexedProperty() {
        return unindexed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorTitleProperty() {
        return editorTitle.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty payeeProperty() {
        return payee;
    }

    public StringProperty memoProperty() {
        return memo;
    }

    public ObjectProperty<Account> bankAccountProperty() {
        return bankAccount;
    }

    /** The category account of a one-line transaction; unused (null) in split mode. */
    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    /** The total, signed: negative for money out. */
    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payeeErrorProperty() {
        return payeeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bankAccountErrorProperty() {
        return bankAccountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountErrorProperty() {
        return accountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    /** The domain's refusal of a save or delete (closed period, unbalanced, stale copy). */
    public ReadOnlyStringProperty editorErrorProperty() {
        return editorError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True when the transaction has several category lines, edited in the splits dialog. */
    public ReadOnlyBooleanProperty splitModeProperty() {
        return splitMode.getReadOnlyProperty();
    }

    public ObservableList<SplitDraft> splits() {
        return splits;
    }

    /** "£12.00 left to allocate", "Fully allocated" or "£3.00 over the total". */
    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty splitsErrorProperty() {
        return splitsError.getReadOnlyProperty();
    }
}
