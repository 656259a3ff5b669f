package app.booksflow.desktop.gui.reports;

/** The reports the Reports screen offers, in the order of its choice box. */
public enum ReportKind {
    PROFIT_AND_LOSS("Profit and loss"),
    EXPENSES_BY_CATEGORY("Expenses by category"),
    TAX_SUMMARY("Tax summary"),
    TRIAL_BALANCE("Trial balance");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The trial balance is a position on a day; the others cover a period. */
    public boolean asOfADay() {
        return this == TRIAL_BALANCE;
    }

    @Override
    public String toString() {
        return title;
    }
}
