package app.booksflow.desktop.syncstate;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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


    /** Every entity of the client the server has confirmed to this device, by id. */
    public static Map<UUID, ServerState> ofClient(Connection c, ClientId client) throws SQLException {
        Map<UUID, ServerState> states = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select entity_id, entity_type, version, deleted, payload from sync_entities where client_id = ?")) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    states.put(id, new ServerState(id, client, EntityType.valueOf(row.getString(2)), row.getLong(3),
                            row.getBoolean(4), row.getString(5)));
                }
            }
        }
        return states;
    }

    /** The versions the server has of those entities it has, by id (one query). */
    public static Map<UUID, Long> versions(Connection c, List<UUID> entityIds) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        if (entityIds.isEmpty()) {
            return versions;
        }
        try (PreparedStatement select = c.prepareStatement(
                "select entity_id, version from sync_entities where entity_id = any(?)")) {
            select.setArray(1, c.createArrayOf("UUID", entityIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    versions.put(row.getObject(1, UUID.class), row.getLong(2));
                }
            }
        }
        return versions;
    }

    /** Saves many states in one JDBC batch. */
    public static void saveAll(Connection c, List<ServerState> states) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(MERGE)) {
            for (ServerState state : states) {
                state.bind(merge);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private static final String MERGE = """
            merge into sync_entities (entity_id, client_id, entity_type, version, deleted, payload)
            key (entity_id) values (?, ?, ?, ?, ?, ?)""";

    private void bind(PreparedStatement merge) throws SQLException {
        merge.setObject(1, entityId);
        merge.setObject(2, client.value());
        merge.setString(3, type.name());
        merge.setLong(4, version);
        merge.setBoolean(5, deleted);
        merge.setString(6, deleted ? null : payload);
    }

    public void save(Connection c) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(MERGE)) {
            bind(merge);
            merge.executeUpdate();
        }
    }
}
