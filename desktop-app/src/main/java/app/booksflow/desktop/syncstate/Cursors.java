package app.booksflow.desktop.syncstate;

import app.booksflow.model.id.ClientId;
import app.booksflow.protocol.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Where this device stands in each client's change log on the server. */
public final class Cursors {

    private Cursors() {
    }

    public static Map<ClientId, Cursor> all(Connection c) throws SQLException {
        Map<ClientId, Cursor> cursors = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("select client_id, cursor from sync_cursors order by client_id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                cursors.put(new ClientId(row.getObject(1, UUID.class)), new Cursor(row.getString(2)));
            }
        }
        return cursors;
    }

    public static Cursor of(Connection c, ClientId client) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select cursor from sync_cursors where client_id = ?")) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Cursor(row.getString(1)) : Cursor.START;
            }
        }
    }

    public static void save(Connection c, ClientId client, Cursor cursor, Instant at) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(
                "merge into sync_cursors (client_id, cursor, pulled_at) key (client_id) values (?, ?, ?)")) {
            merge.setObject(1, client.value());
            merge.setString(2, cursor.token());
            merge.setTimestamp(3, Timestamp.from(at));
            merge.executeUpdate();
        }
    }
}
