package app.booksflow.desktop.gui.main;

/**
 * The screens of the main window, in the order of the navigation and of their shortcuts (Ctrl+1..8).
 */
public enum Screen {
    PRACTICE("Practice"),
    DASHBOARD("Dashboard"),
    TRANSACTIONS("Transactions"),
    RECEIPTS("Receipts"),
    AUDIT_TRAIL("Audit trail"),
    REPORTS("Reports"),
    SETTINGS("Settings"),
    INBOX("Inbox");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** 1 to 8: the digit of the screen's shortcut. */
    public int number() {
        return ordinal() + 1;
    }
}
