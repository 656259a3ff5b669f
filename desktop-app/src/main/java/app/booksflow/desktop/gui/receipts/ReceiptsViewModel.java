package app.booksflow.desktop.gui.receipts;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.FailureMessages;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.ReceiptFileSource;
import app.booksflow.desktop.pictures.ReceiptPictures;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.model.receipt.Sha256;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shown client's receipts, newest first, with thumbnails drawn off the FX thread; files attached
 * by hand; the selected receipt's picture beside its fields for review; and its link to the
 * transaction it backs, chosen among those no receipt backs yet, nearest in date and amount first.
 */
public final class ReceiptsViewModel {

    static final int THUMBNAIL_SIDE = 96;
    static final int PREVIEW_SIDE = 1600;
    static final int THUMBNAILS_KEPT = 300;
    static final int CANDIDATES = 50;
    static final String DOWNLOADING = "Downloading from the server…";
    static final String ON_THE_SERVER = "On the server";
    private static final Set<ReceiptStatus> REVIEWABLE = EnumSet.of(ReceiptStatus.NEEDS_REVIEW, ReceiptStatus.COMPLETED);

    private final LedgerServices ledger;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;
    private final String user;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private final ObservableList<StatusFilter> statusFilters = FXCollections.observableArrayList();
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    /** Shows only the receipts whose vendor, file name or text read by OCR contains this. */
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    /** The latest listing asked for: an older one that arrives later is not shown. */
    private long listing;
    private final ObservableList<ReceiptRow> receipts = FXCollections.observableArrayList();
    private final ObjectProperty<ReceiptRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<TransactionRow> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<TransactionRow> selectedTransaction = new SimpleObjectProperty<>(this, "selectedTransaction");
    private final ReadOnlyObjectWrapper<ReceiptPicture> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper linkedTo = new ReadOnlyStringWrapper(this, "linkedTo", "");
    private final ReadOnlyBooleanWrapper linked = new ReadOnlyBooleanWrapper(this, "linked", false);
    /** The receipt just confirmed: the list, once read again, moves on to the next one to review. */
    private ReceiptId moveOnFrom;
    /** The receipt a search result asked to show, selected when the next list arrives. */
    private ReceiptId toReveal;
    private final ReadOnlyBooleanWrapper reviewable = new ReadOnlyBooleanWrapper(this, "reviewable", false);
    private final ReadOnlyStringWrapper reviewNote = new ReadOnlyStringWrapper(this, "reviewNote", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText",
            "Choose a client on the Practice screen to see its receipts.");
    private final ObservableList<String> refusals = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReceiptFieldsForm form = new ReceiptFieldsForm();
    /** The client's bank, cash and card accounts a receipt can be posted as paid from. */
    private final ObservableList<Account> paidFromChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Account> paidFrom = new SimpleObjectProperty<>(this, "paidFrom");

    /** Thumbnails by file content, least recently used dropped first; touched on the FX thread only. */
    private final Map<Sha256, ReceiptPicture> thumbnails = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Sha256, ReceiptPicture> eldest) {
            return size() > THUMBNAILS_KEPT;
        }
    };
    private final Set<Sha256> drawing = new HashSet<>();
    /** Where files not on this device come from: the signed-in sync engine, or nowhere. */
    private final ObjectProperty<ReceiptFileSource> fileSource = new SimpleObjectProperty<>(this, "fileSource",
            ReceiptFileSource.none());
    /** The selected receipt whose file could not be fetched while offline: fetched when the server is back. */
    private ReceiptRow waitingForServer;
    private Currency baseCurrency = Currency.getInstance("GBP");

    public ReceiptsViewModel(LedgerServices ledger, ObservableValue<Settings> settings, TaskExecutor taskExecutor,
            Clock clock, String user) {
        this.ledger = Objects.requireNonNull(ledger);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        this.user = Objects.requireNonNull(user);
        statusFilters.add(new StatusFilter(Optional.empty(), "All statuses"));
        Arrays.stream(ReceiptStatus.values()).forEach(status -> statusFilters.add(new StatusFilter(Optional.of(status),
                statusText(status))));
        statusFilter.set(statusFilters.get(0));
        client.addListener((observable, old, chosen) -> {
            selected.set(null);
            receipts.clear();
            refusals.clear();
            message.set("");
            refresh();
        });
        statusFilter.addListener((observable, old, chosen) -> refresh());
        searchText.addListener((observable, old, text) -> refresh());
        settings.addListener((observable, old, changed) -> refresh());
        selected.addListener((observable, old, row) -> showSelected(row));
    }

    static String statusText(ReceiptStatus status) {
        String words = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Shows the receipt (of the current client, set first): the list of every status without a search
     * text is read again and the receipt selected in it.
     */
    public void reveal(ReceiptId receipt) {
        Objects.requireNonNull(receipt);
        statusFilter.set(statusFilters.get(0));
        searchText.set("");
        // Set once the filters are cleared: the lists they asked for are still filtered.
        toReveal = receipt;
        refresh();
    }

    /** Reads the client's receipts again, keeping the selection when the receipt is still listed. */
    public void refresh() {
        ClientId chosen = client.get();
        if (chosen == null) {
            return;
        }
        Optional<ReceiptStatus> status = statusFilter.get() == null ? Optional.empty() : statusFilter.get().status();
        Settings shownWith = settings.getValue();
        String text = searchText.get();
        long asked = ++listing;
        busy.set(true);
        BackgroundTask.of("Reading the receipts", () -> new Listing(
                        ledger.clients().find(chosen), ledger.receipts().list(chosen, status, text),
                        ledger.receipts().categories(chosen), ledger.accounts().chart(chosen).accounts()))
                .onSuccess(found -> {
                    if (asked == listing && chosen.equals(client.get())) {
                        show(found, shownWith);
                    }
                })
                .onFailure(error -> {
                    busy.set(false);
                    message.set("The receipts could not be read: " + error.getMessage());
                })
                .executeWith(taskExecutor);
    }

    private record Listing(Optional<Client> client, List<Receipt> receipts, Map<ReceiptId, AccountId> categories,
            List<Account> accounts) {
    }

    private void show(Listing listing, Settings shownWith) {
        busy.set(false);
        if (listing.client().isEmpty()) {
            receipts.clear();
            message.set("This client is not on this device any more.");
            return;
        }
        baseCurrency = listing.client().get().baseCurrency();
        form.accounts(listing.accounts());
        Optional<AccountId> paidBefore = Optional.ofNullable(paidFrom.get()).map(Account::id);
        paidFromChoices.setAll(listing.accounts().stream()
                .filter(a -> a.type() == AccountType.ASSET || a.type() == AccountType.LIABILITY)
                .sorted(Comparator.comparing(Account::code)).toList());
        paidFrom.set(paidFromChoices.stream().filter(a -> paidBefore.equals(Optional.of(a.id()))).findFirst()
                .orElse(paidFromChoices.isEmpty() ? null : paidFromChoices.get(0)));
        Amounts amounts = Amounts.of(shownWith);
        DateTimeFormatter dates = ReceiptFieldsForm.dateFormat(shownWith.locale());
        Optional<ReceiptId> previous = Optional.ofNullable(selected.get()).map(row -> row.receipt().id());
        Map<AccountId, Account> accounts = new HashMap<>();
        listing.accounts().forEach(account -> accounts.put(account.id(), account));
        // A row that shows the same as before is kept: its cell has nothing to redo and its selection holds.
        Map<ReceiptId, ReceiptRow> shownRows = new HashMap<>();
        receipts.forEach(row -> shownRows.put(row.receipt().id(), row));
        List<ReceiptRow> rows = listing.receipts().stream().map(receipt -> {
            ReceiptRow fresh = row(receipt, Optional.ofNullable(listing.categories().get(receipt.id())), accounts,
                    amounts, dates);
            ReceiptRow shown = shownRows.get(receipt.id());
            return shown != null && shown.showsTheSameAs(fresh) ? shown : fresh;
        }).toList();
        if (!sameRows(receipts, rows)) {
            receipts.setAll(rows);
        }
        rows.forEach(row -> Optional.ofNullable(thumbnails.get(row.receipt().file().sha256()))
                .ifPresent(row.thumbnailProperty()::set));
        emptyText.set(!searchText.get().isBlank() ? "No receipt mentions \u201c" + searchText.get().strip() + "\u201d."
                : statusFilter.get().status().isPresent() ? "No receipt has this status."
                : "No receipts yet: drop files here or use Attach files… (Ctrl+O).");
        ReceiptRow again = previous.flatMap(id -> rows.stream().filter(row -> row.receipt().id().equals(id)).findFirst())
                .orElse(null);
        ReceiptId confirmed = moveOnFrom;
        moveOnFrom = null;
        ReceiptId revealing = toReveal;
        toReveal = null;
        Optional<ReceiptRow> revealed = Optional.ofNullable(revealing)
                .flatMap(id -> rows.stream().filter(row -> row.receipt().id().equals(id)).findFirst());
        if (revealing != null && revealed.isEmpty()) {
            message.set("That receipt is no longer in this client's books.");
        }
        selected.set(revealed.orElseGet(() -> confirmed == null ? again : nextToReview(rows, confirmed).orElse(again)));
    }

    /** Whether the lists hold the very same row objects in the same order. */
    private static boolean sameRows(List<ReceiptRow> shown, List<ReceiptRow> fresh) {
        if (shown.size() != fresh.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) != fresh.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first receipt after the one just confirmed (then from the top) that still needs review. */
    private static Optional<ReceiptRow> nextToReview(List<ReceiptRow> rows, ReceiptId confirmed) {
        int at = 0;
        while (at < rows.size() && !rows.get(at).receipt().id().equals(confirmed)) {
            at++;
        }
        for (int step = 1; step <= rows.size(); step++) {
            ReceiptRow candidate = rows.get((at + step) % rows.size());
            if (candidate.receipt().status() == ReceiptStatus.NEEDS_REVIEW) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ReceiptRow row(Receipt receipt, Optional<AccountId> category, Map<AccountId, Account> accounts,
            Amounts amounts, DateTimeFormatter dates) {
        ExtractedFields fields = receipt.fields();
        List<String> parts = new ArrayList<>();
        fields.vendor().map(Extracted::value).ifPresent(parts::add);
        fields.date().map(Extracted::value).map(dates::format).ifPresent(parts::add);
        fields.total().map(Extracted::value).map(amounts::format).ifPresent(parts::add);
        category.map(accounts::get).map(Account::name).ifPresent(parts::add);
        if (receipt.transaction().isPresent()) {
            parts.add("linked");
        }
        String details = parts.isEmpty() ? "Nothing read yet" : String.join(" · ", parts);
        return new ReceiptRow(receipt, category, receipt.file().originalName(), statusText(receipt.status()), details);
    }

    /**
     * Draws the row's thumbnail unless it is drawn, cached or on its way; the view asks when a row is
     * first shown. A file that cannot be drawn gets a placeholder saying why; the list goes on.
     */
    public void requestThumbnail(ReceiptRow row) {
        if (row.thumbnailProperty().get() != null) {
            return;
        }
        Sha256 hash = row.receipt().file().sha256();
        ReceiptPicture cached = thumbnails.get(hash);
        if (cached != null) {
            row.thumbnailProperty().set(cached);
            return;
        }
        if (!drawing.add(hash)) {
            return;
        }
        Path file = ledger.receipts().file(row.receipt());
        // A file only on the server is fetched when its receipt is opened, not for a thumbnail.
        BackgroundTask.of("Drawing " + row.name(), () -> Files.isRegularFile(file) ? draw(file, row, THUMBNAIL_SIDE)
                        : ReceiptPicture.note(ON_THE_SERVER))
                .onSuccess(picture -> {
                    drawing.remove(hash);
                    if (!picture.isNote()) {
                        thumbnails.put(hash, picture);
                    }
                    receipts.stream().filter(r -> r.receipt().file().sha256().equals(hash))
                            .forEach(r -> r.thumbnailProperty().set(picture));
                    row.thumbnailProperty().set(picture);
                })
                .onFailure(error -> {
                    drawing.remove(hash);
                    row.thumbnailProperty().set(ReceiptPicture.unreadable("Cannot be shown"));
                })
                .onCancelled(() -> drawing.remove(hash))
                .executeWith(taskExecutor);
    }

    private static ReceiptPicture draw(Path file, ReceiptRow row, int side) {
        try {
            return ReceiptPicture.of(ReceiptPictures.render(file, row.receipt().file().mediaType(), side));
        } catch (DomainException e) {
            return ReceiptPicture.unreadable(e.getMessage());
        }
    }

    private void showSelected(ReceiptRow row) {
        preview.set(null);
        waitingForServer = null;
        candidates.clear();
        selectedTransaction.set(null);
        if (row == null) {
            form.clear();
            linkedTo.set("");
            linked.set(false);
            reviewable.set(false);
            reviewNote.set("");
            return;
        }
        Receipt receipt = row.receipt();
        Settings shownWith = settings.getValue();
        form.load(receipt, row.category(), baseCurrency, shownWith.locale());
        reviewable.set(REVIEWABLE.contains(receipt.status()));
        reviewNote.set(reviewable.get() ? "" : "A " + statusText(receipt.status()).toLowerCase(Locale.ROOT)
                + " receipt is reviewed once it has been read.");
        linked.set(receipt.transaction().isPresent());
        linkedTo.set(receipt.transaction().isPresent() ? "Backs a transaction" : "Not linked to a transaction");
        Path file = ledger.receipts().file(receipt);
        BackgroundTask.of("Opening " + row.name(), () -> new Selection(
                        Files.isRegularFile(file) ? Optional.of(draw(file, row, PREVIEW_SIDE)) : Optional.empty(),
                        receipt.transaction().flatMap(id -> ledger.transactions().find(id)).map(s -> s.transaction()),
                        ledger.receipts().transactionsWithoutReceipt(receipt.client(), nearDate(receipt),
                                receipt.fields().total().map(Extracted::value), CANDIDATES)))
                .onSuccess(selection -> {
                    if (row == selected.get()) {
                        Amounts amounts = Amounts.of(shownWith);
                        DateTimeFormatter dates = ReceiptFieldsForm.dateFormat(shownWith.locale());
                        selection.picture().ifPresentOrElse(preview::set, () -> fetch(row));
                        selection.linked().ifPresent(t -> linkedTo.set("Backs " + transactionRow(t, amounts, dates)));
                        candidates.setAll(selection.candidates().stream().map(t -> transactionRow(t, amounts, dates))
                                .toList());
                    }
                })
                .onFailure(error -> message.set("The receipt could not be opened: " + error.getMessage()))
                .executeWith(taskExecutor);
    }

    /** The picture is empty when the file is not on this device. */
    private record Selection(Optional<ReceiptPicture> picture, Optional<Transaction> linked, List<Transaction> candidates) {
    }

    /**
     * Fetches the selected receipt's file from the server in the background, saying so meanwhile, then
     * shows it; when it cannot be had, a placeholder says why. Offline, it is fetched again once
     * {@link #serverReachable()} is called.
     */
    private void fetch(ReceiptRow row) {
        ReceiptFileSource source = fileSource.get();
        Receipt receipt = row.receipt();
        waitingForServer = null;
        preview.set(ReceiptPicture.note(DOWNLOADING));
        BackgroundTask.of("Downloading " + row.name(), () -> draw(source.fetch(receipt.file()), row, PREVIEW_SIDE))
                .onSuccess(picture -> {
                    thumbnailsFetched(receipt.file().sha256());
                    if (row == selected.get()) {
                        preview.set(picture);
                    }
                })
                .onFailure(error -> {
                    if (row != selected.get()) {
                        return;
                    }
                    if (error instanceof ReceiptFileSource.Unavailable unavailable) {
                        if (unavailable.reason() == ReceiptFileSource.Reason.OFFLINE) {
                            waitingForServer = row;
                        }
                        preview.set(ReceiptPicture.unreadable(unavailable.getMessage()));
                    } else {
                        preview.set(ReceiptPicture.unreadable("The file could not be fetched: " + error.getMessage()));
                    }
                })
                .executeWith(taskExecutor);
    }

    /** A file just came from the server: the rows that show it are drawn again. */
    private void thumbnailsFetched(Sha256 hash) {
        receipts.stream().filter(r -> r.receipt().file().sha256().equals(hash))
                .filter(r -> r.thumbnailProperty().get() == null || r.thumbnailProperty().get().isNote())
                .forEach(r -> {
                    r.thumbnailProperty().set(null);
                    requestThumbnail(r);
                });
    }

    /**
     * The server can be reached again (sync is online): the selected receipt whose file could not be
     * fetched while offline is fetched now.
     */
    public void serverReachable() {
        ReceiptRow waiting = waitingForServer;
        if (waiting != null && waiting == selected.get()) {
            fetch(waiting);
        }
    }

    private LocalDate nearDate(Receipt receipt) {
        return receipt.fields().date().map(Extracted::value)
                .orElseGet(() -> LocalDate.ofInstant(receipt.receivedAt(), clock.getZone()));
    }

    private static TransactionRow transactionRow(Transaction t, Amounts amounts, DateTimeFormatter dates) {
        return new TransactionRow(t, dates.format(t.date()), t.payee(), amounts.format(t.total()));
    }

    /**
     * Copies the files into the store as receipts of the shown client. Each refused file (not a
     * receipt, too large, unreadable) gets its own line in {@link #refusals()}; the others are attached.
     */
    public void attach(List<Path> files) {
        ClientId chosen = client.get();
        if (chosen == null) {
            message.set("Choose a client on the Practice screen before attaching receipts.");
            return;
        }
        if (files.isEmpty()) {
            return;
        }
        busy.set(true);
        BackgroundTask.withProgress("Attaching receipts", progress -> {
                    List<String> refused = new ArrayList<>();
                    int attached = 0;
                    for (int i = 0; i < files.size(); i++) {
                        progress.stopIfCancelled();
                        Path file = files.get(i);
                        progress.message("Attaching " + file.getFileName());
                        try {
                            ledger.receipts().attach(chosen, file, user);
                            attached++;
                        } catch (DomainException e) {
                            refused.add(e.getMessage());
                        } catch (UncheckedIOException e) {
                            refused.add(unreadable(file, e));
                        }
                        progress.update(i + 1, files.size());
                    }
                    return new Attached(attached, refused);
                })
                .onSuccess(result -> {
                    busy.set(false);
                    refusals.setAll(result.refused());
                    message.set(attachedText(result));
                    refresh();
                })
                .onFailure(error -> {
                    busy.set(false);
                    message.set("The receipts could not be attached: " + error.getMessage());
                })
                .onCancelled(() -> {
                    busy.set(false);
                    refresh();
                })
                .executeWith(taskExecutor);
    }

    private record Attached(int attached, List<String> refused) {
    }

    private static String attachedText(Attached result) {
        String attached = result.attached() == 1 ? "Attached 1 receipt." : "Attached " + result.attached() + " receipts.";
        return result.refused().isEmpty() ? attached : attached + " " + (result.refused().size() == 1
                ? "1 file was refused:" : result.refused().size() + " files were refused:");
    }

    private static String unreadable(Path file, UncheckedIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof NoSuchFileException) {
            return file.getFileName() + " no longer exists.";
        }
        if (cause instanceof AccessDeniedException) {
            return file.getFileName() + " cannot be read: permission denied.";
        }
        return file.getFileName() + " could not be read: " + (cause == null ? e.getMessage() : cause.getMessage());
    }

    /** Links the receipt to the transaction (drag and drop, or Ctrl+L with both selected). */
    public void link(ReceiptRow row, TransactionRow transaction) {
        if (row == null || transaction == null) {
            message.set("Select a receipt and a transaction to link.");
            return;
        }
        write("Linking a receipt", () -> ledger.receipts().link(row.receipt().id(), transaction.transaction().id(), user),
                "Linked " + row.name() + " to " + transaction.payee() + " of " + transaction.date() + ".");
    }

    public void linkSelected() {
        link(selected.get(), selectedTransaction.get());
    }

    public void unlinkSelected() {
        ReceiptRow row = selected.get();
        if (row == null || row.receipt().transaction().isEmpty()) {
            message.set("The selected receipt is not linked to a transaction.");
            return;
        }
        write("Unlinking a receipt", () -> ledger.receipts().unlink(row.receipt().id(), user),
                "Unlinked " + row.name() + "; it no longer backs a transaction.");
    }

    /** Confirms the fields as typed; a field that does not parse keeps its text and shows why next to it. */
    public void confirmFields() {
        ReceiptRow row = selected.get();
        if (row == null) {
            return;
        }
        Optional<ExtractedFields> fields = form.validate();
        if (fields.isEmpty()) {
            message.set("Correct the fields marked in red, then confirm again.");
            return;
        }
        Receipt before = row.receipt();
        moveOnFrom = before.id();
        Optional<String> readVendor = before.fields().vendor().map(Extracted::value);
        Optional<String> confirmedVendor = fields.get().vendor().map(Extracted::value);
        Optional<AccountId> category = form.chosenCategory();
        boolean renamed = readVendor.isPresent() && confirmedVendor.isPresent() && !readVendor.equals(confirmedVendor);
        boolean recategorized = !category.equals(row.category());
        write("Confirming a receipt", () -> {
            Receipt reviewed = ledger.receipts().review(before.id(), fields.get(), category, user);
            // A renamed vendor or a new category is remembered: the next receipt read with that vendor gets the
            // name and the category used this time.
            if (confirmedVendor.isPresent() && (renamed || recategorized)) {
                ledger.vendorRules().learn(before.client(), readVendor.orElse(confirmedVendor.get()),
                        confirmedVendor.get(), category, user);
            }
            return reviewed;
        }, "Confirmed the fields of " + row.name() + ".");
    }

    /**
     * Books the selected receipt as it was confirmed (Ctrl+P): a posted transaction paid from the chosen
     * account, to the receipt's category, linked to the receipt. Fields changed but not confirmed yet are
     * not posted: the user confirms them first. A refusal (not reviewed, no category, closed period...)
     * is shown as the ledger words it, and nothing is written.
     */
    public void postSelected() {
        ReceiptRow row = selected.get();
        if (row == null) {
            message.set("Select a receipt to post.");
            return;
        }
        if (row.receipt().transaction().isPresent()) {
            message.set(row.name() + " already backs a transaction; it is in the ledger.");
            return;
        }
        Account from = paidFrom.get();
        if (from == null) {
            message.set("Choose the bank, cash or card account the receipt was paid from.");
            return;
        }
        if (reviewable.get()) {
            Optional<ExtractedFields> shown = form.validate();
            if (shown.isEmpty()) {
                message.set("Correct the fields marked in red, confirm them (Ctrl+Enter), then post.");
                return;
            }
            if (!sameValues(shown.get(), row.receipt().fields()) || !form.chosenCategory().equals(row.category())) {
                message.set("The fields or the category were changed: confirm them first (Ctrl+Enter), then post.");
                return;
            }
        }
        write("Posting a receipt", () -> ledger.receipts().post(row.receipt().id(), from.id(), user).receipt(),
                "Posted " + row.name() + " to the ledger, paid from " + from + ".");
    }

    /** The form shows what is stored; a currency the form shows only from the amounts is not a change. */
    private static boolean sameValues(ExtractedFields shown, ExtractedFields stored) {
        return shown.vendor().map(Extracted::value).equals(stored.vendor().map(Extracted::value))
                && shown.date().map(Extracted::value).equals(stored.date().map(Extracted::value))
                && shown.total().map(Extracted::value).equals(stored.total().map(Extracted::value))
                && shown.tax().map(Extracted::value).equals(stored.tax().map(Extracted::value))
                && (stored.currency().isEmpty()
                        || shown.currency().map(Extracted::value).equals(stored.currency().map(Extracted::value)));
    }

    private void write(String title, Callable<Receipt> work, String done) {
        busy.set(true);
        BackgroundTask.of(title, work)
                .onSuccess(receipt -> {
                    busy.set(false);
                    message.set(done);
                    refresh();
                })
                .onFailure(error -> {
                    busy.set(false);
                    moveOnFrom = null;
                    message.set(FailureMessages.of(error, title + " failed"));
                    refresh(); // the receipt or transaction may have changed or gone meanwhile
                })
                .executeWith(taskExecutor);
    }

    /** The shown client; setting it reads its receipts. */
    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    public ObservableList<StatusFilter> statusFilters() {
        return statusFilters;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    /** Newest first. */
    public ObservableList<ReceiptRow> receipts() {
        return receipts;
    }

    public ObjectProperty<ReceiptRow> selectedProperty() {
        return selected;
    }

    /** The client's transactions no receipt backs, nearest the selected receipt first. */
    public ObservableList<TransactionRow> candidates() {
        return candidates;
    }

    public ObjectProperty<TransactionRow> selectedTransactionProperty() {
        return selectedTransaction;
    }

    /**
     * Where the files of receipts synced from other devices are fetched from (the sync engine's
     * {@code receiptFiles()}); by default nowhere, and the placeholder says to sign in.
     */
    public ObjectProperty<ReceiptFileSource> fileSourceProperty() {
        return fileSource;
    }

    /** The selected receipt drawn large, or why it cannot be; null while drawing or with nothing selected. */
    public ReadOnlyObjectProperty<ReceiptPicture> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linkedToProperty() {
        return linkedTo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty linkedProperty() {
        return linked.getReadOnlyProperty();
    }

    /** The fields can be confirmed: the receipt was read (needs review) or reviewed before. */
    public ReadOnlyBooleanProperty reviewableProperty() {
        return reviewable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewNoteProperty() {
        return reviewNote.getReadOnlyProperty();
    }

    /** What the empty list says: no client chosen, no receipts yet, none of this status. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** What happened last (attached, linked, refused, could not be read); empty at first. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One line per file the last attach refused. */
    public ObservableList<String> refusals() {
        return refusals;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The client's bank, cash and card accounts, by code. */
    public ObservableList<Account> paidFromChoices() {
        return paidFromChoices;
    }

    /** The account a posted receipt was paid from; the first by code until the user chooses another. */
    public ObjectProperty<Account> paidFromProperty() {
        return paidFrom;
    }

    public ReceiptFieldsForm form() {
        return form;
    }
}
