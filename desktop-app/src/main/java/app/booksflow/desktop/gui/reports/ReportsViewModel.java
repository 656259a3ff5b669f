package app.booksflow.desktop.gui.reports;

import app.booksflow.desktop.gui.Amounts;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.task.FailureMessages;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.reports.ReportPeriod;
import app.booksflow.desktop.reports.Reports;
import app.booksflow.desktop.reports.export.Cell;
import app.booksflow.desktop.reports.export.ExportFormat;
import app.booksflow.desktop.reports.export.ReportFile;
import app.booksflow.desktop.reports.export.ReportTable;
import app.booksflow.desktop.reports.export.ReportTables;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.money.MoneyFormat;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One report of the shown client: which report, for which period (a preset or the user's own dates) or
 * as of which day, shown as a table with its totals, and exported to CSV or PDF. The report is read
 * again whenever a choice changes; an answer that arrives after a newer question is dropped.
 */
public final class ReportsViewModel {

    private static final MonthDay CALENDAR_YEAR = MonthDay.of(1, 1);

    private final Reports reports;
    private final ObservableValue<Settings> settings;
    private final TaskExecutor taskExecutor;
    private final Clock clock;

    private final ObjectProperty<ClientId> client = new SimpleObjectProperty<>(this, "client");
    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(this, "kind", ReportKind.PROFIT_AND_LOSS);
    private final ObjectProperty<PeriodPreset> preset = new SimpleObjectProperty<>(this, "preset", PeriodPreset.THIS_YEAR);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final ReadOnlyStringWrapper periodError = new ReadOnlyStringWrapper(this, "periodError", "");

    private final ReadOnlyObjectWrapper<ReportTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ObservableList<ReportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "Reports");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Open a client on the Practice screen to see its reports.");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper(this, "exportFailed", false);

    private boolean applyingPreset;
    private long generation;
    /** The day the shown client's financial year starts on, for the financial-year presets. */
    private MonthDay yearStart = CALENDAR_YEAR;

    public ReportsViewModel(Reports reports, ObservableValue<Settings> settings, TaskExecutor taskExecutor, Clock clock) {
        this.reports = Objects.requireNonNull(reports);
        this.settings = Objects.requireNonNull(settings);
        this.taskExecutor = Objects.requireNonNull(taskExecutor);
        this.clock = Objects.requireNonNull(clock);
        asOf.set(LocalDate.now(clock));
        applyPreset();

        preset.addListener((observable, old, chosen) -> {
            if (!applyingPreset) {
                applyPreset();
                refresh();
            }
        });
        from.addListener((observable, old, day) -> datesEdited());
        to.addListener((observable, old, day) -> datesEdited());
        asOf.addListener((observable, old, day) -> refresh());
        kind.addListener((observable, old, chosen) -> refresh());
        client.addListener((observable, old, chosen) -> readFinancialYear(chosen));
        settings.addListener((observable, old, changed) -> refresh());
    }

    /** Reads the chosen report again, off the FX thread; shows why not when a choice is missing or wrong. */
    public void refresh() {
        long asked = ++generation;
        ClientId shown = client.get();
        ReportKind report = kind.get();
        validatePeriod();
        if (shown == null) {
            clear("Open a client on the Practice screen to see its reports.");
            return;
        }
        if (report == null) {
            clear("Choose a report.");
            return;
        }
        if (report.asOfADay() ? asOf.get() == null : !periodError.get().isEmpty()) {
            clear(report.asOfADay() ? "Choose the day the trial balance is drawn up on." : "Correct the period to see the report.");
            return;
        }
        ReportPeriod period = report.asOfADay() ? null : new ReportPeriod(from.get(), to.get());
        LocalDate day = asOf.get();
        Amounts amounts = Amounts.of(settings.getValue());
        loading.set(true);
        message.set("");
        BackgroundTask.of("Reading the " + report.title().toLowerCase(java.util.Locale.ROOT),
                        () -> read(shown, report, period, day))
                .onSuccess(read -> {
                    if (asked == generation) {
                        loading.set(false);
                        show(read, amounts);
                    }
                })
                .onFailure(error -> {
                    if (asked == generation) {
                        clear(FailureMessages.of(error, "The report could not be read"));
                    }
                })
                .onCancelled(() -> {
                    if (asked == generation) {
                        clear("Reading the report was cancelled.");
                    }
                })
                .executeWith(taskExecutor);
    }

    private ReportTable read(ClientId shown, ReportKind report, ReportPeriod period, LocalDate day) {
        return switch (report) {
            case PROFIT_AND_LOSS -> ReportTables.of(reports.profitAndLoss(shown, period));
            case EXPENSES_BY_CATEGORY -> ReportTables.of(reports.expensesByCategory(shown, period));
            case TAX_SUMMARY -> ReportTables.of(reports.taxSummary(shown, period));
            case TRIAL_BALANCE -> ReportTables.of(reports.trialBalance(shown, day));
        };
    }

    private void show(ReportTable read, Amounts amounts) {
        List<ReportRow> shown = new ArrayList<>(read.rows().size() + read.totals().size());
        read.rows().forEach(row -> shown.add(new ReportRow(format(row, amounts), false)));
        read.totals().forEach(row -> shown.add(new ReportRow(format(row, amounts), true)));
        heading.set(read.title() + " · " + read.client() + " · " + read.period());
        message.set(read.rows().isEmpty() ? "Nothing was booked for this report in the period." : "");
        rows.setAll(shown);
        table.set(read);
    }

    private static List<String> format(List<Cell> cells, Amounts amounts) {
        return cells.stream().map(cell -> switch (cell) {
            case Cell.Amount amount -> amounts.format(amount.amount());
            case Cell.Text text -> text.text();
        }).toList();
    }

    private void clear(String why) {
        loading.set(false);
        rows.clear();
        table.set(null);
        heading.set("Reports");
        message.set(why);
    }

    /**
     * Saves the shown report to {@code file} off the FX thread. The file appears complete or not at all;
     * what happened is said in {@link #exportMessageProperty()}.
     */
    public void export(ExportFormat format, Path file) {
        ReportTable shown = table.get();
        if (shown == null || exporting.get()) {
            return;
        }
        MoneyFormat amounts = MoneyFormat.of(settings.getValue().locale());
        exporting.set(true);
        exportFailed.set(false);
        exportMessage.set("Saving " + file.getFileName() + "…");
        BackgroundTask.withProgress("Exporting the " + shown.title().toLowerCase(java.util.Locale.ROOT) + " to " + format.label(),
                        progress -> {
                            progress.message(file.getFileName().toString());
                            ReportFile.save(shown, format, amounts, file);
                            return file;
                        })
                .onSuccess(saved -> {
                    exporting.set(false);
                    exportMessage.set("Saved " + saved);
                })
                .onFailure(error -> {
                    exporting.set(false);
                    exportFailed.set(true);
                    exportMessage.set(describe(error, file));
                })
                .onCancelled(() -> {
                    exporting.set(false);
                    exportMessage.set("Export cancelled; " + file.getFileName() + " was not written.");
                })
                .executeWith(taskExecutor);
    }

    static String describe(Throwable error, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String what = "The report was not saved: ";
        if (error instanceof AccessDeniedException) {
            return what + "BooksFlow may not write in " + folder + ". Choose another folder.";
        }
        if (error instanceof NoSuchFileException) {
            return what + "the folder " + folder + " does not exist.";
        }
        if (error instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return what + fileSystem.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + folder + ").";
        }
        if (error instanceof IOException) {
            return what + error.getMessage() + " (" + folder + ").";
        }
        return what + error;
    }

    /** A file name for the shown report: report, client and period, without characters file systems refuse. */
    public String suggestedFileName(ExportFormat format) {
        ReportTable shown = table.get();
        String name = shown == null ? "Report" : shown.title() + " - " + shown.client() + " - " + shown.period();
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + "." + format.extension();
    }

    /** Learns when the client's financial year starts, then reads the report (for the new year if a preset follows it). */
    private void readFinancialYear(ClientId chosen) {
        if (chosen == null) {
            yearStart = CALENDAR_YEAR;
            refresh();
            return;
        }
        BackgroundTask.of("Reading the client's financial year", () -> reports.financialYearStart(chosen))
                .onSuccess(start -> {
                    if (chosen.equals(client.get())) {
                        yearStart = start;
                        if (preset.get() != null && preset.get().followsTheFinancialYear()) {
                            applyPreset();
                        }
                        refresh();
                    }
                })
                .onFailure(error -> {
                    if (chosen.equals(client.get())) {
                        clear(FailureMessages.of(error, "The client's financial year could not be read"));
                    }
                })
                .executeWith(taskExecutor);
    }

    private void applyPreset() {
        PeriodPreset chosen = preset.get();
        if (chosen == null) {
            return;
        }
        chosen.period(LocalDate.now(clock), yearStart).ifPresent(period -> {
            applyingPreset = true;
            try {
                from.set(period.from());
                to.set(period.to());
            } finally {
                applyingPreset = false;
            }
        });
    }

    private void datesEdited() {
        if (applyingPreset) {
            return;
        }
        // Dates of one's own are no longer "this month": the choice box says so.
        if (preset.get() != PeriodPreset.CUSTOM) {
            applyingPreset = true;
            try {
                preset.set(PeriodPreset.CUSTOM);
            } finally {
                applyingPreset = false;
            }
        }
        refresh();
    }

    private void validatePeriod() {
        if (from.get() == null) {
            periodError.set("Choose the first day of the period.");
        } else if (to.get() == null) {
            periodError.set("Choose the last day of the period.");
        } else if (to.get().isBefore(from.get())) {
            periodError.set("The period cannot end before it starts.");
        } else {
            periodError.set("");
        }
    }

    public ObjectProperty<ClientId> clientProperty() {
        return client;
    }

    public List<ReportKind> kinds() {
        return List.of(ReportKind.values());
    }

    public List<PeriodPreset> presets() {
        return List.of(PeriodPreset.values());
    }

    public ObjectProperty<ReportKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<PeriodPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** Why the from/to dates are refused, for the line next to them; empty when they are fine. */
    public ReadOnlyStringProperty periodErrorProperty() {
        return periodError.getReadOnlyProperty();
    }

    /** The report as read, for export; null while there is none. */
    public ReadOnlyObjectProperty<ReportTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Body rows then totals, formatted for the screen. */
    public ObservableList<ReportRow> rows() {
        return rows;
    }

    /** "Profit and loss · Client · period", or "Reports" with nothing shown. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Why no report or an empty one is shown; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** What the last export did: where it saved, or why it did not. */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exportFailed.getReadOnlyProperty();
    }
}
