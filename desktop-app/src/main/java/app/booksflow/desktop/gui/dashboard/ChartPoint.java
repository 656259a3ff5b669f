package app.booksflow.desktop.gui.dashboard;

/** One labelled value of a chart: a month's income or expenses, or a category's share. */
public record ChartPoint(String label, double value, String text) {
}
