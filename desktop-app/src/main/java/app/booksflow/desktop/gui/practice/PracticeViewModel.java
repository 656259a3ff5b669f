package app.booksflow.desktop.gui.practice;

import app.booksflow.desktop.dashboard.ClientMonth;
import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.dashboard.PeriodFigures;
import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.FailureMessages;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.NewClient;
import app.booksflow.desktop.settings.LocalUser;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The practice's clients with this month's income, expenses and profit, filtered by name as the user
 * types. Opening a client hands its id to whoever shows the dashboard.
 */
public final class PracticeViewModel {

    private final LedgerServices ledger;
    private final DashboardQueries dashboards;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;
    private final Consumer<ClientId> openClient;

    private final ObservableList<ClientRow> allClients = FXCollections.observableArrayList();
    private final FilteredList<ClientRow> clients = new FilteredList<>(allClients);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ClientRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper addingClient = new ReadOnlyBooleanWrapper(this, "addingClient", false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ObjectProperty<LocalDate> closingDate = new SimpleObjectProperty<>(this, "closingDate");
    private final ReadOnlyStringWrapper closingError = new ReadOnlyStringWrapper(this, "closingError", "");
    private NewClientForm newClient;
    private Runnable saved = () -> { };

    public PracticeViewModel(LedgerServices ledger, DashboardQueries dashboards, ObservableValue<Settings> settings,
            TaskExecutor taskExecutor, Clock clock, Consumer<ClientId> openClient) {
        this.ledger = Objects.requireNonNull(ledger);
        this.dashboards = Objects.requireNonNull(dashboards);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        this.openClient = Objects.requireNonNull(openClient);
        search.addListener((observable, old, text) -> applyFilter());
        settings.addListener((observable, old, changed) -> refresh());
        selected.addListener((observable, old, row) -> {
            closingDate.set(row == null ? null : row.closingDate().orElse(null));
            closingError.set("");
        });
        closingDate.addListener((observable, old, date) -> closingError.set(""));
    }

    /** Told after every change this screen saves, for the status bar's "last saved". */
    public void onSaved(Runnable whenSaved) {
        this.saved = Objects.requireNonNull(whenSaved);
    }

    /** Reads the clients and their figures again, off the FX thread. */
    public void refresh() {
        read(Optional.empty());
    }

    private List<ClientRow> readRows(Amounts amounts, LocalDate today) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(settings.getValue().locale());
        List<ClientRow> rows = new ArrayList<>();
        for (ClientMonth row : dashboards.practiceThisMonth(today)) {
            Client client = row.client();
            PeriodFigures month = row.thisMonth();
            rows.add(new ClientRow(client.id(), client.name(), amounts.format(month.income()),
                    amounts.format(month.expenses()), amounts.format(month.profit()), month.profit().isNegative(),
                    client.closingDate(), client.closingDate().map(dates::format).orElse("")));
        }
        rows.sort(Comparator.comparing(ClientRow::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** Opens the form for a new client, with the currency and country of the user's locale filled in. */
    public NewClientForm startNewClient() {
        if (newClient == null) {
            newClient = new NewClientForm(settings.getValue().locale());
        }
        newClient.clear();
        addingClient.set(true);
        return newClient;
    }

    public void cancelNewClient() {
        addingClient.set(false);
    }

    /**
     * Takes on the client of the form, then lists and selects it. A refused form keeps what was typed
     * and says why next to the field.
     */
    public void createClient() {
        if (!addingClient.get() || saving.get()) {
            return;
        }
        NewClientForm form = newClient;
        Optional<NewClient> spec = form.validate();
        if (spec.isEmpty()) {
            return;
        }
        saving.set(true);
        String user = LocalUser.name();
        BackgroundTask.of("Taking on " + spec.get().name(), () -> ledger.clients().create(spec.get(), user))
                .onSuccess(client -> {
                    saving.set(false);
                    addingClient.set(false);
                    status.set("Took on " + client.name() + " with the small-business chart of accounts.");
                    saved.run();
                    refreshThenSelect(client.id());
                })
                .onFailure(error -> {
                    saving.set(false);
                    form.refuse(FailureMessages.of(error, "The client could not be created"));
                })
                .executeWith(taskExecutor);
    }

    /**
     * Closes the selected client's books up to the chosen date; an earlier date than before reopens
     * the days after it. Refusals (drafts left in the period, no date) are shown next to the date.
     */
    public void closePeriod() {
        ClientRow row = selected.get();
        LocalDate date = closingDate.get();
        if (row == null || saving.get()) {
            return;
        }
        if (date == null) {
            closingError.set("Choose the last day of the period to close.");
            return;
        }
        changeClosingDate(row, Optional.of(date));
    }

    /** Reopens every period of the selected client: a rare step that the audit trail marks as high risk. */
    public void reopenAll() {
        ClientRow row = selected.get();
        if (row != null && !saving.get()) {
            changeClosingDate(row, Optional.empty());
        }
    }

    private void changeClosingDate(ClientRow row, Optional<LocalDate> date) {
        saving.set(true);
        String user = LocalUser.name();
        BackgroundTask.of("Changing the closing date of " + row.name(),
                        () -> ledger.clients().changeClosingDate(row.id(), date, user))
                .onSuccess(client -> {
                    saving.set(false);
                    status.set(client.closingDate().map(d -> "The books of " + client.name() + " are closed up to "
                            + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(settings.getValue().locale())
                                    .format(d) + ".").orElse("Every period of " + client.name() + " is open."));
                    saved.run();
                    refreshThenSelect(client.id());
                })
                .onFailure(error -> {
                    saving.set(false);
                    closingError.set(FailureMessages.of(error, "The closing date could not be changed"));
                })
                .executeWith(taskExecutor);
    }

    private void refreshThenSelect(ClientId id) {
        search.set("");
        read(Optional.of(id));
    }

    /** Reads the rows off the FX thread, then selects the given client or keeps the selection. */
    private void read(Optional<ClientId> select) {
        loading.set(true);
        Amounts amounts = Amounts.of(settings.getValue());
        LocalDate today = LocalDate.now(clock);
        BackgroundTask.of("Reading the clients", () -> readRows(amounts, today))
                .onSuccess(rows -> {
                    loading.set(false);
                    message.set(rows.isEmpty() ? "This practice has no clients yet." : "");
                    ClientId keep = select.orElse(selected.get() == null ? null : selected.get().id());
                    allClients.setAll(rows);
                    applyFilter();
                    clients.stream().filter(row -> row.id().equals(keep)).findFirst().ifPresent(selected::set);
                })
                .onFailure(error -> {
                    loading.set(false);
                    message.set("The clients could not be read: " + error.getMessage());
                })
                .executeWith(taskExecutor);
    }


    private void applyFilter() {
        String wanted = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        clients.setPredicate(wanted.isEmpty() ? null : row -> row.name().toLowerCase(Locale.ROOT).contains(wanted));
        summary.set(clients.size() == allClients.size() ? allClients.size() + " clients"
                : clients.size() + " of " + allClients.size() + " clients");
        if (selected.get() == null || !clients.contains(selected.get())) {
            selected.set(clients.isEmpty() ? null : clients.get(0));
        }
    }

    /** Opens the selected client's dashboard; does nothing when no client is selected. */
    public void openSelected() {
        ClientRow row = selected.get();
        if (row != null) {
            openClient.accept(row.id());
        }
    }

    public void open(ClientRow row) {
        selected.set(row);
        openSelected();
    }

    /** The clients whose name contains the search text, by name. */
    public ObservableList<ClientRow> clients() {
        return clients;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ClientRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the list is empty or could not be read; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last thing this screen saved, in a sentence; empty before the first change. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addingClientProperty() {
        return addingClient.getReadOnlyProperty();
    }

    /** True while a change is being written; the buttons that would start another wait. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The form of the client being taken on; open it with {@link #startNewClient()}. */
    public Optional<NewClientForm> newClientForm() {
        return Optional.ofNullable(addingClient.get() ? newClient : null);
    }

    /** The last day the selected client's books are closed to, as chosen before closing. */
    public ObjectProperty<LocalDate> closingDateProperty() {
        return closingDate;
    }

    public ReadOnlyStringProperty closingErrorProperty() {
        return closingError.getReadOnlyProperty();
    }

    /** "5 clients" or "2 of 5 clients". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
