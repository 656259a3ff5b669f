package app.booksflow.desktop.gui.inbox;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.syncstate.ConflictFields;
import app.booksflow.desktop.syncstate.Inbox;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The inbox: changes the server refused and changes made on two devices, oldest first. For the selected
 * item the fields of both versions side by side, a choice of side per differing field, and the four
 * ways to settle it. Settling writes through the books ({@code SyncBooks.resolve}); what it refuses (a
 * closed period, an unbalanced merge) is shown here and the item stays open.
 */
public final class InboxViewModel {

    /** Which version a field of a merge comes from. */
    public enum Side {
        MINE,
        THEIRS
    }

    /** Fields every version of an entity shares; showing them would only repeat ids. */
    private static final Set<String> HIDDEN = Set.of("id", "client");
    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    private final LedgerServices ledger;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final String user;
    private Runnable afterSettled = () -> { };

    private final ObservableList<InboxRow> items = FXCollections.observableArrayList();
    private final ObjectProperty<InboxRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableMap<String, Side> choices = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canKeepMine;
    private final BooleanBinding canKeepTheirs;
    private final BooleanBinding canMerge;
    private final BooleanBinding canDismiss;

    public InboxViewModel(LedgerServices ledger, ObservableValue<Settings> settings, TaskExecutor taskExecutor,
            String user) {
        this.ledger = Objects.requireNonNull(ledger);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.user = Objects.requireNonNull(user);
        selected.addListener((property, before, now) -> showFields(now));
        canKeepMine = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && selected.get().item().mine().isPresent(), busy, selected);
        canKeepTheirs = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && selected.get().isConflict(), busy, selected);
        canMerge = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && selected.get().isConflict()
                && selected.get().item().mine().isPresent() && selected.get().item().theirs().isPresent(), busy, selected);
        canDismiss = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && !selected.get().isConflict(), busy, selected);
    }

    /** Called after an item was settled (the status bar counts the inbox again). */
    public void onSettled(Runnable action) {
        this.afterSettled = Objects.requireNonNull(action);
    }

    /** Reads the open items again; the selected one stays selected while it is open. */
    public void refresh() {
        Settings shownWith = settings.getValue();
        BackgroundTask.of("Reading the sync inbox", () -> rows(shownWith))
                .onSuccess(rows -> {
                    UUID was = selected.get() == null ? null : selected.get().item().id();
                    items.setAll(rows);
                    selected.set(rows.stream().filter(r -> r.item().id().equals(was)).findFirst()
                            .orElse(rows.isEmpty() ? null : rows.get(0)));
                })
                .onFailure(e -> error.set("The inbox could not be read: " + e.getMessage()))
                .executeWith(taskExecutor);
    }

    public ObservableList<InboxRow> items() {
        return items;
    }

    public ObjectProperty<InboxRow> selectedProperty() {
        return selected;
    }

    /** The selected item's fields (without ids), in the server's order. */
    public ObservableList<FieldRow> fields() {
        return fields;
    }

    /** The side chosen for each differing field of the selected item; the server's by default. */
    public ObservableMap<String, Side> choices() {
        return choices;
    }

    public void choose(String field, Side side) {
        if (choices.containsKey(field)) {
            choices.put(field, Objects.requireNonNull(side));
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last step failed, for the accountant; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last step did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableBooleanValue canKeepMineProperty() {
        return canKeepMine;
    }

    public ObservableBooleanValue canKeepTheirsProperty() {
        return canKeepTheirs;
    }

    public ObservableBooleanValue canMergeProperty() {
        return canMerge;
    }

    public ObservableBooleanValue canDismissProperty() {
        return canDismiss;
    }

    public void keepMine() {
        if (canKeepMine.get()) {
            settle(Inbox.Resolution.KEPT_MINE, Optional.empty(), "This device's version is kept; it goes to the server "
                    + "with the next sync.");
        }
    }

    public void keepTheirs() {
        if (canKeepTheirs.get()) {
            settle(Inbox.Resolution.KEPT_THEIRS, Optional.empty(), "The server's version is kept.");
        }
    }

    /** Settles a conflict with the server's version and the fields chosen from this device's. */
    public void merge() {
        if (canMerge.get()) {
            settle(Inbox.Resolution.MERGED, Optional.of(merged()), "The merged version is kept; it goes to the server "
                    + "with the next sync.");
        }
    }

    public void dismiss() {
        if (canDismiss.get()) {
            settle(Inbox.Resolution.DISMISSED, Optional.empty(), "Dismissed; the books keep the server's version.");
        }
    }

    /** The merge as it would be written: the server's version with the fields chosen from this device's. */
    public String merged() {
        Inbox.Item item = selected.get().item();
        Set<String> fromMine = new LinkedHashSet<>();
        choices.forEach((field, side) -> {
            if (side == Side.MINE) {
                fromMine.add(field);
            }
        });
        return ConflictFields.merge(item.mine().orElseThrow(), item.theirs().orElseThrow(), fromMine);
    }

    private void settle(Inbox.Resolution resolution, Optional<String> merged, String done) {
        UUID item = selected.get().item().id();
        busy.set(true);
        error.set("");
        message.set("");
        BackgroundTask.of("Settling an inbox item", () -> {
            ledger.sync().resolve(item, resolution, merged, user);
            return null;
        }).onSuccess(nothing -> {
            busy.set(false);
            message.set(done);
            afterSettled.run();
            refresh();
        }).onFailure(e -> {
            busy.set(false);
            error.set(e instanceof DomainException || e instanceof IllegalArgumentException
                    ? e.getMessage() : "The item could not be settled: " + e.getMessage());
        }).executeWith(taskExecutor);
    }

    private void showFields(InboxRow row) {
        choices.clear();
        error.set("");
        if (row == null) {
            fields.clear();
            return;
        }
        fields.setAll(row.fields());
        for (String field : row.differing()) {
            choices.put(field, Side.THEIRS);
        }
    }

    /** Off the FX thread: the open items with the names their fields refer to. */
    private List<InboxRow> rows(Settings shownWith) {
        List<Inbox.Item> open = ledger.sync().inbox();
        Map<String, String> names = new HashMap<>();
        Map<ClientId, String> clientNames = new HashMap<>();
        for (ClientId client : open.stream().map(Inbox.Item::client).distinct().toList()) {
            ledger.clients().find(client).ifPresent(c -> {
                clientNames.put(client, c.name());
                names.put(client.toString(), c.name());
                ledger.accounts().chart(client).accounts()
                        .forEach(a -> names.put(a.id().toString(), a.code() + " " + a.name()));
                ledger.taxCodes().list(client).forEach(t -> names.put(t.id().toString(), t.code()));
            });
        }
        FieldText text = new FieldText(Amounts.of(shownWith), shownWith.locale(), names);
        List<InboxRow> rows = new ArrayList<>(open.size());
        for (Inbox.Item item : open) {
            List<FieldRow> fieldRows = new ArrayList<>();
            for (ConflictFields.Field field : fieldsOf(item)) {
                if (!HIDDEN.contains(field.name())) {
                    fieldRows.add(new FieldRow(field.name(), FieldText.label(field.name()), text.value(field.mine()),
                            text.value(field.theirs()), field.differs()));
                }
            }
            rows.add(new InboxRow(item, kind(item.kind()), entity(item, text),
                    clientNames.getOrDefault(item.client(), ""), fieldRows));
        }
        return rows;
    }

    private static List<ConflictFields.Field> fieldsOf(Inbox.Item item) {
        try {
            return ConflictFields.of(item.mine(), item.theirs());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    static String kind(Inbox.Kind kind) {
        return switch (kind) {
            case REJECTED -> "Refused by the server";
            case CONFLICT -> "Changed on two devices";
        };
    }

    /** "Transaction 3 Mar 2025 Market stall €120.00", from this device's version or else the server's. */
    static String entity(Inbox.Item item, FieldText text) {
        String words = item.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String what = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        Optional<JsonNode> version = item.mine().or(item::theirs).flatMap(InboxViewModel::tree);
        if (version.isEmpty()) {
            return what;
        }
        JsonNode v = version.get();
        List<String> keys = item.type() == EntityType.TRANSACTION ? List.of("date", "payee", "total")
                : List.of("code", "name", "vendor", "payee");
        List<String> parts = new ArrayList<>(List.of(what));
        for (String key : keys) {
            if (v.hasNonNull(key) && !v.get(key).asText().isBlank() || v.path(key).isObject()) {
                parts.add(text.value(v.get(key)));
            }
        }
        return String.join(" ", parts);
    }

    private static Optional<JsonNode> tree(String json) {
        try {
            return Optional.of(JSON.readTree(json));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
