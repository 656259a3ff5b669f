package app.booksflow.desktop.gui.practice;

import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.dashboard.PeriodFigures;
import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
    }

    /** Reads the clients and their figures again, off the FX thread. */
    public void refresh() {
        loading.set(true);
        Amounts amounts = Amounts.of(settings.getValue());
        LocalDate today = LocalDate.now(clock);
        BackgroundTask.of("Reading the clients", () -> readRows(amounts, today))
                .onSuccess(rows -> {
                    loading.set(false);
                    message.set(rows.isEmpty() ? "This practice has no clients yet." : "");
                    allClients.setAll(rows);
                    applyFilter();
                })
                .onFailure(error -> {
                    loading.set(false);
                    message.set("The clients could not be read: " + error.getMessage());
                })
                .executeWith(taskExecutor);
    }

    private List<ClientRow> readRows(Amounts amounts, LocalDate today) {
        List<ClientRow> rows = new ArrayList<>();
        for (Client client : ledger.clients().list()) {
            PeriodFigures month = dashboards.monthComparison(client.id(), today).thisMonth();
            rows.add(new ClientRow(client.id(), client.name(), amounts.format(month.income()),
                    amounts.format(month.expenses()), amounts.format(month.profit()), month.profit().isNegative()));
        }
        rows.sort(Comparator.comparing(ClientRow::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
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

    /** "5 clients" or "2 of 5 clients". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
