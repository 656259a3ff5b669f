package app.booksflow.desktop.gui.audit;

import app.booksflow.desktop.audit.AuditRecord;

/** One audit event as the table shows it, formatted for the user's locale and time zone. */
public record AuditRow(AuditRecord record, String when, String user, String client, String action, String entity,
        String risk, String summary) {
}
