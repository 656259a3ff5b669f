package app.booksflow.desktop.gui.reports;

import app.booksflow.desktop.reports.ReportPeriod;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** The periods asked for most, as calendar months, quarters and years around today; or dates of one's own. */
public enum PeriodPreset {
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    THIS_QUARTER("This quarter"),
    THIS_YEAR("This year"),
    LAST_YEAR("Last year"),
    CUSTOM("Custom dates");

    private final String label;

    PeriodPreset(String label) {
        this.label = label;
    }

    /** First and last day of the preset's period around {@code today}; empty for {@link #CUSTOM}. */
    public Optional<ReportPeriod> period(LocalDate today) {
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
            case CUSTOM -> Optional.empty();
        };
    }

    private static ReportPeriod range(LocalDate from, LocalDate to) {
        return new ReportPeriod(from, to);
    }

    @Override
    public String toString() {
        return label;
    }
}
