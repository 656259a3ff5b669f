package app.booksflow.desktop.dashboard;

import java.time.YearMonth;

/** This month so far against the whole of last month. */
public record MonthComparison(YearMonth month, PeriodFigures thisMonth, PeriodFigures lastMonth) {
}
