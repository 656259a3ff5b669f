package app.booksflow.desktop.audit;

import java.util.List;

/** One page of a filtered audit trail, newest first, and how many events match in all. */
public record AuditPage(List<AuditRecord> events, int offset, long total) {

    public AuditPage {
        events = List.copyOf(events);
    }

    public boolean hasNext() {
        return offset + events.size() < total;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }
}
