package app.booksflow.desktop.gui.main;

import java.util.Optional;

/**
 * The screens of the main window, in the order of the navigation and of their shortcuts (Ctrl+1..7).
 * A screen not built yet carries a sentence on what it will hold, shown instead of invented figures.
 */
public enum Screen {
    PRACTICE("Practice", null),
    DASHBOARD("Dashboard", null),
    TRANSACTIONS("Transactions", "The client's ledger: enter, search and correct transactions and import bank statements. "
            + "Closed periods stay locked; corrections go into an open period."),
    RECEIPTS("Receipts", null),
    AUDIT_TRAIL("Audit trail", null),
    REPORTS("Reports", null),
    SETTINGS("Settings", null);

    private final String title;
    private final String plannedContent;

    Screen(String title, String plannedContent) {
        this.title = title;
        this.plannedContent = plannedContent;
    }

    public String title() {
        return title;
    }

    /** 1 to 7: the digit of the screen's shortcut. */
    public int number() {
        return ordinal() + 1;
    }

    /** What a screen that is not built yet will show; empty once it exists. */
    public Optional<String> plannedContent() {
        return Optional.ofNullable(plannedContent);
    }
}
