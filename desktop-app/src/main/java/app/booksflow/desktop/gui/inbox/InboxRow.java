package app.booksflow.desktop.gui.inbox;

import app.booksflow.desktop.syncstate.Inbox;
import java.util.List;

/**
 * An open inbox item as the list shows it: what happened ("Changed on two devices"), to what
 * ("Transaction 3 Mar 2025 Market stall €120.00"), the client, the server's reason, and the versions'
 * fields side by side.
 */
public record InboxRow(Inbox.Item item, String kind, String entity, String client, List<FieldRow> fields) {

    public InboxRow {
        fields = List.copyOf(fields);
    }

    public String reason() {
        return item.message();
    }

    public boolean isConflict() {
        return item.kind() == Inbox.Kind.CONFLICT;
    }

    /** The field names whose values differ between this device's version and the server's. */
    public List<String> differing() {
        return fields.stream().filter(FieldRow::differs).map(FieldRow::name).toList();
    }
}
