package app.booksflow.server.audit;

import java.util.List;

/** Newest first; pass {@code next} back as {@code after} for the following page; absent on the last one. */
public record AuditPage(List<AuditEntry> entries, String next) {
}
