package app.booksflow.desktop.gui.main;

import java.util.Optional;

/**
 * The screens of the main window, in the order of the navigation and of their shortcuts (Ctrl+1..7).
 * A screen not built yet carries a sentence on what it will hold, shown instead of invented figures.
 */
public enum Screen {
    PRACTICE("Practice", null),
    DASHBOARD("Dashboard", null),
    TRANSACTIONS("Transactions", null),
    RECEIPTS("Receipts", "Receipts from photos, scans and PDFs, read by OCR, with whole folders imported at once. "
            + "Fields the OCR is unsure of wait here for your review."),
    AUDIT_TRAIL("Audit trail", "Every change to the books: who made it, when, on which device, and what the sync server "
            + "decided. The trail is append-only and tamper-evident."),
    REPORTS("Reports", "Trial balance, profit and loss, balance sheet and VAT returns for a period, to print or export."),
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
