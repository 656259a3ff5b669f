package app.booksflow.desktop.syncstate;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's state of one entity as this device last learned it: its version, whether it is deleted,
 * and its payload (JSON text). The base of this device's next change of it.
 */
public record ServerState(UUID entityId, ClientId client, EntityType type, long version, boolean deleted, String payload) {

    public static Optional<ServerState> find(Connection c, UUID entityId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select client_id, entity_type, version, deleted, payload from sync_entities where entity_id = ?")) {
            select.setObject(1, entityId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ServerState(entityId, new ClientId(row.getObject(1, UUID.class)),
                        EntityType.valueOf(row.getString(2)), row.getLong(3), row.getBoolean(4), row.getString(5)));
            }
        }
    }

    /** The version this device would base a change of the entity on: 0 when the server has never had it. */
    public static long baseVersion(Connection c, UUID entityId) throws SQLException {
        return find(c, entityId).map(ServerState::version).orElse(0L);
    }

    public void save(Connection c) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("""
                merge into sync_entities (entity_id, client_id, entity_type, version, deleted, payload)
                key (entity_id) values (?, ?, ?, ?, ?, ?)""")) {
            merge.setObject(1, entityId);
            merge.setObject(2, client.value());
            merge.setString(3, type.name());
            merge.setLong(4, version);
            merge.setBoolean(5, deleted);
            merge.setString(6, deleted ? null : payload);
            merge.executeUpdate();
        }
    }
}
