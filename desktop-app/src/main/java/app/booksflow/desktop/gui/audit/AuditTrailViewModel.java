package app.booksflow.desktop.gui.audit;

import app.booksflow.desktop.audit.AuditChanges;
import app.booksflow.desktop.audit.AuditCsv;
import app.booksflow.desktop.audit.AuditPage;
import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.audit.AuditQuery;
import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local audit trail, filtered by client, risk, dates, entity and user, a page at a time, newest
 * first; the selected event's before and after side by side with the fields that changed; and the
 * filtered events exported to CSV off the FX thread.
 */
public final class AuditTrailViewModel {

    static final int PAGE_SIZE = 200;

    private final AuditQueries queries;
    private final LedgerServices ledger;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private final BooleanProperty allClients = new SimpleBooleanProperty(this, "allClients", false);
    private final ObservableList<Choice<RiskLevel>> riskChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<RiskLevel>> risk = new SimpleObjectProperty<>(this, "risk");
    private final ObservableList<Choice<EntityType>> entityChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<EntityType>> entityType = new SimpleObjectProperty<>(this, "entityType");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");

    private final ObservableList<AuditRow> events = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper before = new ReadOnlyStringWrapper(this, "before", "");
    private final ReadOnlyStringWrapper after = new ReadOnlyStringWrapper(this, "after", "");
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext", false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);

    private int offset;
    private long total;
    private BackgroundTask<?> export;

    public AuditTrailViewModel(AuditQueries queries, LedgerServices ledger, ObservableValue<Settings> settings,
            TaskExecutor taskExecutor, Clock clock) {
        this.queries = Objects.requireNonNull(queries);
        this.ledger = Objects.requireNonNull(ledger);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        riskChoices.add(new Choice<>(Optional.empty(), "Any risk"));
        riskChoices.add(new Choice<>(Optional.of(RiskLevel.MEDIUM), "Medium or higher"));
        riskChoices.add(new Choice<>(Optional.of(RiskLevel.HIGH), "High or higher"));
        riskChoices.add(new Choice<>(Optional.of(RiskLevel.CRITICAL), "Critical"));
        risk.set(riskChoices.get(0));
        entityChoices.add(new Choice<>(Optional.empty(), "Any entity"));
        Arrays.stream(EntityType.values()).forEach(type -> entityChoices.add(new Choice<>(Optional.of(type), words(type))));
        entityType.set(entityChoices.get(0));
        InvalidationListener filtersChanged = observable -> refresh();
        client.addListener(filtersChanged);
        allClients.addListener(filtersChanged);
        risk.addListener(filtersChanged);
        entityType.addListener(filtersChanged);
        from.addListener(filtersChanged);
        to.addListener(filtersChanged);
        user.addListener(filtersChanged);
        settings.addListener(filtersChanged);
        selected.addListener((observable, old, row) -> showSelected(row));
    }

    static String words(Enum<?> value) {
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The filters as a query; empty, with {@link #filterErrorProperty()} saying why, when they contradict. */
    Optional<AuditQuery> query() {
        try {
            AuditQuery query = new AuditQuery(allClients.get() || client.get() == null ? Optional.empty()
                    : Optional.of(client.get()), risk.get() == null ? Optional.empty() : risk.get().value(),
                    Optional.ofNullable(from.get()), Optional.ofNullable(to.get()), clock.getZone(),
                    entityType.get() == null ? Optional.empty() : entityType.get().value(), Optional.ofNullable(user.get()));
            filterError.set("");
            return Optional.of(query);
        } catch (DomainException e) {
            filterError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads the first page for the filters. */
    public void refresh() {
        offset = 0;
        readPage();
    }

    public void nextPage() {
        if (offset + PAGE_SIZE < total) {
            offset += PAGE_SIZE;
            readPage();
        }
    }

    public void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE_SIZE);
            readPage();
        }
    }

    private void readPage() {
        Optional<AuditQuery> query = query();
        if (query.isEmpty()) {
            return;
        }
        int start = offset;
        Settings shownWith = settings.getValue();
        BackgroundTask.of("Reading the audit trail", () -> new Read(queries.page(query.get(), start, PAGE_SIZE),
                        clientNames()))
                .onSuccess(read -> {
                    if (query().equals(query) && offset == start) {
                        show(read, shownWith);
                    }
                })
                .onFailure(error -> message.set("The audit trail could not be read: " + error.getMessage()))
                .executeWith(taskExecutor);
    }

    private record Read(AuditPage page, Map<ClientId, String> clientNames) {
    }

    private Map<ClientId, String> clientNames() {
        return ledger.clients().list().stream().collect(Collectors.toMap(Client::id, Client::name, (a, b) -> a));
    }

    private void show(Read read, Settings shownWith) {
        AuditPage page = read.page();
        total = page.total();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(shownWith.locale()).withZone(clock.getZone());
        events.setAll(page.events().stream().map(record -> row(record, when, read.clientNames())).toList());
        hasNext.set(page.hasNext());
        hasPrevious.set(page.hasPrevious());
        pageText.set(page.total() == 0 ? "No events match."
                : (page.offset() + 1) + "–" + (page.offset() + page.events().size()) + " of " + page.total() + " events");
        message.set("");
        selected.set(events.isEmpty() ? null : events.get(0));
    }

    private static AuditRow row(AuditRecord record, DateTimeFormatter when, Map<ClientId, String> names) {
        String client = record.client().map(id -> names.getOrDefault(id, "(removed client)")).orElse("Practice");
        String summary = record.summary() + (record.undone() ? " (undone)" : "")
                + (record.undoes().isPresent() ? " (undo)" : "");
        return new AuditRow(record, when.format(record.at()), record.user(), client, words(record.action()),
                words(record.entityType()), words(record.risk()), summary);
    }

    private void showSelected(AuditRow row) {
        if (row == null) {
            before.set("");
            after.set("");
            differences.clear();
            return;
        }
        before.set(row.record().before().isEmpty() ? "(nothing: created here)" : AuditChanges.pretty(row.record().before()));
        after.set(row.record().after().isEmpty() ? "(nothing: deleted here)" : AuditChanges.pretty(row.record().after()));
        differences.setAll(AuditChanges.differences(row.record().before(), row.record().after()));
    }

    /** Writes every event the filters match (not only this page) to the file, off the FX thread, with progress. */
    public void exportCsv(Path target) {
        Optional<AuditQuery> query = query();
        if (query.isEmpty()) {
            message.set("Correct the filters before exporting: " + filterError.get());
            return;
        }
        if (exporting.get()) {
            return;
        }
        exporting.set(true);
        exportProgress.set(0);
        BackgroundTask<Long> task = BackgroundTask.withProgress("Exporting the audit trail", progress -> {
            long matching = queries.page(query.get(), 0, 1).total();
            Map<ClientId, String> names = clientNames();
            return AuditCsv.write(queries, query.get(), names, target, done -> {
                progress.update(done, matching);
                progress.message(done + " of " + matching + " events written");
            }, progress::isCancelled);
        });
        task.progressProperty().addListener((observable, old, value) -> exportProgress.set(Math.max(0, value.doubleValue())));
        export = task;
        task.onSuccess(count -> {
                    exporting.set(false);
                    exportProgress.set(1);
                    message.set("Exported " + count + (count == 1 ? " event" : " events") + " to " + target.getFileName()
                            + ".");
                })
                .onFailure(error -> {
                    exporting.set(false);
                    message.set("The export failed; no file was written: " + error.getMessage());
                })
                .onCancelled(() -> {
                    exporting.set(false);
                    message.set("Export cancelled; no file was written.");
                })
                .executeWith(taskExecutor);
    }

    public void cancelExport() {
        if (export != null) {
            export.cancel();
        }
    }

    /** A file name for the export: the client's or the practice's trail and today's date. */
    public String suggestedFileName() {
        return "audit-trail-" + LocalDate.now(clock) + ".csv";
    }

    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    /** Show the whole practice's trail rather than the shown client's. */
    public BooleanProperty allClientsProperty() {
        return allClients;
    }

    public ObservableList<Choice<RiskLevel>> riskChoices() {
        return riskChoices;
    }

    public ObjectProperty<Choice<RiskLevel>> riskProperty() {
        return risk;
    }

    public ObservableList<Choice<EntityType>> entityChoices() {
        return entityChoices;
    }

    public ObjectProperty<Choice<EntityType>> entityTypeProperty() {
        return entityType;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Part of the user's name, any case. */
    public StringProperty userProperty() {
        return user;
    }

    /** Why the filters match nothing by construction (a start after the end); empty otherwise. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ObservableList<AuditRow> events() {
        return events;
    }

    public ObjectProperty<AuditRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty beforeProperty() {
        return before.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** "path: old → new" per changed field of the selected event. */
    public ObservableList<String> differences() {
        return differences;
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }
}
