package app.booksflow.desktop.gui.reports;

import app.booksflow.desktop.reports.ReportPeriod;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The periods asked for most: calendar months, quarters and years around today, the client's financial
 * years (which start on the client's own day, such as 6 April), or dates of one's own.
 */
public enum PeriodPreset {
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    THIS_QUARTER("This quarter"),
    THIS_YEAR("This year"),
    LAST_YEAR("Last year"),
    THIS_FINANCIAL_YEAR("This financial year"),
    LAST_FINANCIAL_YEAR("Last financial year"),
    CUSTOM("Custom dates");

    private final String label;

    PeriodPreset(String label) {
        this.label = label;
    }

    /** For a client whose financial year is the calendar year. */
    public Optional<ReportPeriod> period(LocalDate today) {
        return period(today, MonthDay.of(1, 1));
    }

    /**
     * First and last day of the preset's period around {@code today}, for a client whose financial year
     * starts on {@code yearStart}; empty for {@link #CUSTOM}.
     */
    public Optional<ReportPeriod> period(LocalDate today, MonthDay yearStart) {
        LocalDate monthStart = today.withDayOfMonth(1);
        return switch (this) {
            case THIS_MONTH -> Optional.of(range(monthStart, monthStart.with(TemporalAdjusters.lastDayOfMonth())));
            case LAST_MONTH -> {
                LocalDate start = monthStart.minusMonths(1);
                yield Optional.of(range(start, start.with(TemporalAdjusters.lastDayOfMonth())));
            }
            case THIS_QUARTER -> {
                LocalDate start = monthStart.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
                yield Optional.of(range(start, start.plusMonths(3).minusDays(1)));
            }
            case THIS_YEAR -> Optional.of(range(today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear())));
            case LAST_YEAR -> {
                LocalDate start = today.withDayOfYear(1).minusYears(1);
                yield Optional.of(range(start, start.with(TemporalAdjusters.lastDayOfYear())));
            }
            case THIS_FINANCIAL_YEAR -> Optional.of(financialYear(financialYearStart(today, yearStart)));
            case LAST_FINANCIAL_YEAR -> Optional.of(financialYear(financialYearStart(today, yearStart).minusYears(1)));
            case CUSTOM -> Optional.empty();
        };
    }

    /** Whether the period depends on the client's financial year. */
    public boolean followsTheFinancialYear() {
        return this == THIS_FINANCIAL_YEAR || this == LAST_FINANCIAL_YEAR;
    }

    /** The start of the financial year {@code today} falls in (29 February starts on the 28th in other years). */
    private static LocalDate financialYearStart(LocalDate today, MonthDay yearStart) {
        LocalDate start = yearStart.atYear(today.getYear());
        return start.isAfter(today) ? yearStart.atYear(today.getYear() - 1) : start;
    }

    private static ReportPeriod financialYear(LocalDate start) {
        return range(start, start.plusYears(1).minusDays(1));
    }

    private static ReportPeriod range(LocalDate from, LocalDate to) {
        return new ReportPeriod(from, to);
    }

    @Override
    public String toString() {
        return label;
    }
}
