package app.booksflow.desktop.gui.dashboard;

import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.dashboard.Dashboard;
import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.dashboard.MonthComparison;
import app.booksflow.desktop.dashboard.ReceiptSummary;
import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One client's figures at a glance: this month against last month, receipts, the last twelve months,
 * this month's expenses by category and the latest changes. Read off the FX thread whenever the
 * client changes; "today" comes from the clock it was given.
 */
public final class DashboardViewModel {

    static final int RECENT_ACTIVITY = 10;

    private final DashboardQueries dashboards;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Choose a client on the Practice screen to see its dashboard.");
    private final ReadOnlyStringWrapper clientName = text("clientName");
    private final ReadOnlyStringWrapper period = text("period");
    private final ReadOnlyStringWrapper income = text("income");
    private final ReadOnlyStringWrapper incomeLastMonth = text("incomeLastMonth");
    private final ReadOnlyStringWrapper expenses = text("expenses");
    private final ReadOnlyStringWrapper expensesLastMonth = text("expensesLastMonth");
    private final ReadOnlyStringWrapper profit = text("profit");
    private final ReadOnlyStringWrapper profitLastMonth = text("profitLastMonth");
    private final ReadOnlyStringWrapper pendingReceipts = text("pendingReceipts");
    private final ReadOnlyStringWrapper accuracy = text("accuracy");
    private final ReadOnlyStringWrapper averageProcessingTime = text("averageProcessingTime");
    private final ObservableList<ChartPoint> monthlyIncome = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> monthlyExpenses = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> expensesByCategory = FXCollections.observableArrayList();
    private final ObservableList<String> recentActivity = FXCollections.observableArrayList();

    public DashboardViewModel(DashboardQueries dashboards, ObservableValue<Settings> settings, TaskExecutor taskExecutor,
            Clock clock) {
        this.dashboards = Objects.requireNonNull(dashboards);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        client.addListener((observable, old, chosen) -> refresh());
        settings.addListener((observable, old, changed) -> refresh());
    }

    /** The client shown; setting it reads its dashboard. */
    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    public void refresh() {
        ClientId chosen = client.get();
        if (chosen == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Settings shownWith = settings.getValue();
        loading.set(true);
        BackgroundTask.of("Reading the dashboard", () -> dashboards.dashboard(chosen, today, RECENT_ACTIVITY))
                .onSuccess(dashboard -> {
                    if (chosen.equals(client.get())) {
                        show(dashboard, shownWith);
                    }
                })
                .onFailure(error -> {
                    loading.set(false);
                    message.set("The dashboard could not be read: " + error.getMessage());
                })
                .executeWith(taskExecutor);
    }

    private void show(Dashboard dashboard, Settings shownWith) {
        Amounts amounts = Amounts.of(shownWith);
        Locale locale = shownWith.locale();
        MonthComparison month = dashboard.month();
        clientName.set(dashboard.client().name());
        period.set(month.month().getMonth().getDisplayName(TextStyle.FULL, locale) + " " + month.month().getYear()
                + " so far, against " + month.month().minusMonths(1).getMonth().getDisplayName(TextStyle.FULL, locale));
        income.set(amounts.format(month.thisMonth().income()));
        incomeLastMonth.set(lastMonth(amounts, month.lastMonth().income()));
        expenses.set(amounts.format(month.thisMonth().expenses()));
        expensesLastMonth.set(lastMonth(amounts, month.lastMonth().expenses()));
        profit.set(amounts.format(month.thisMonth().profit()));
        profitLastMonth.set(lastMonth(amounts, month.lastMonth().profit()));

        ReceiptSummary receipts = dashboard.receipts();
        pendingReceipts.set(receipts.pending() + (receipts.toReview() > 0 ? " (" + receipts.toReview() + " to review)" : ""));
        accuracy.set(receipts.accuracyPercent().map(percent -> percent.toPlainString() + " %").orElse("No reviews yet"));
        averageProcessingTime.set(receipts.averageProcessingTime().map(DashboardViewModel::duration)
                .orElse("No receipts read yet"));

        DateTimeFormatter monthLabel = DateTimeFormatter.ofPattern("MMM yy", locale);
        monthlyIncome.setAll(dashboard.lastTwelveMonths().stream()
                .map(m -> point(monthLabel.format(m.month()), m.income(), amounts)).toList());
        monthlyExpenses.setAll(dashboard.lastTwelveMonths().stream()
                .map(m -> point(monthLabel.format(m.month()), m.expenses(), amounts)).toList());
        expensesByCategory.setAll(dashboard.expensesThisMonth().stream()
                .map(c -> point(c.account().code() + " " + c.account().name(), c.amount(), amounts)).toList());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(clock.getZone());
        recentActivity.setAll(dashboard.recentActivity().stream().map(record -> activity(record, when)).toList());
        loading.set(false);
        message.set("");
    }

    private static String lastMonth(Amounts amounts, Money money) {
        return "last month " + amounts.format(money);
    }

    private static ChartPoint point(String label, Money money, Amounts amounts) {
        return new ChartPoint(label, money.amount().doubleValue(), amounts.format(money));
    }

    private static String activity(AuditRecord record, DateTimeFormatter when) {
        return when.format(record.at()) + " · " + record.user() + " · " + record.summary() + (record.undone() ? " (undone)" : "");
    }

    /** "1.2 s", "850 ms", "2 min 5 s". */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private ReadOnlyStringWrapper text(String name) {
        return new ReadOnlyStringWrapper(this, name, "");
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What to do before a client is chosen, or why the figures could not be read; empty while they show. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clientNameProperty() {
        return clientName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty periodProperty() {
        return period.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty incomeProperty() {
        return income.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty incomeLastMonthProperty() {
        return incomeLastMonth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expensesProperty() {
        return expenses.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expensesLastMonthProperty() {
        return expensesLastMonth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profitProperty() {
        return profit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profitLastMonthProperty() {
        return profitLastMonth.getReadOnlyProperty();
    }

    /** Receipts waiting to be read, with those waiting for review in brackets. */
    public ReadOnlyStringProperty pendingReceiptsProperty() {
        return pendingReceipts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageProcessingTimeProperty() {
        return averageProcessingTime.getReadOnlyProperty();
    }

    /** Twelve months up to this one, oldest first. */
    public ObservableList<ChartPoint> monthlyIncome() {
        return monthlyIncome;
    }

    public ObservableList<ChartPoint> monthlyExpenses() {
        return monthlyExpenses;
    }

    /** This month's expenses per expense account, largest first. */
    public ObservableList<ChartPoint> expensesByCategory() {
        return expensesByCategory;
    }

    /** The latest changes to the client's books, newest first. */
    public ObservableList<String> recentActivity() {
        return recentActivity;
    }
}
