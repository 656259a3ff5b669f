package app.booksflow.desktop.syncstate;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.MutationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes the server refused or found in conflict, kept with this device's version ("mine") and the
 * server's ("theirs") until the accountant decides. Nothing in here is ever deleted: a decision is
 * written next to the item.
 */
public final class Inbox {

    public enum Kind {
        /** The server refused the change for good (a closed period, a rule of the books, a permission). */
        REJECTED,
        /** The entity changed on the server since this device's version of it. */
        CONFLICT
    }

    /** How an item was settled. */
    public enum Resolution {
        KEPT_MINE,
        KEPT_THEIRS,
        MERGED,
        DISMISSED
    }

    public record Item(UUID id, ClientId client, EntityType type, UUID entityId, MutationId mutation, Kind kind,
            Optional<String> code, String message, Optional<String> mine, Optional<String> theirs,
            Optional<Long> serverVersion, Instant createdAt, Optional<Resolution> resolution) {

        public boolean isOpen() {
            return resolution.isEmpty();
        }
    }

    private Inbox() {
    }

    public static void add(Connection c, Item item) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into sync_inbox (id, client_id, entity_type, entity_id, mutation_id, kind, code, message, mine,
                    theirs, server_version, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, item.id());
            insert.setObject(2, item.client().value());
            insert.setString(3, item.type().name());
            insert.setObject(4, item.entityId());
            insert.setObject(5, item.mutation().value());
            insert.setString(6, item.kind().name());
            insert.setString(7, item.code().orElse(null));
            insert.setString(8, item.message().length() <= 2000 ? item.message() : item.message().substring(0, 1999) + "…");
            insert.setString(9, item.mine().orElse(null));
            insert.setString(10, item.theirs().orElse(null));
            insert.setObject(11, item.serverVersion().orElse(null));
            insert.setTimestamp(12, Timestamp.from(item.createdAt()));
            insert.executeUpdate();
        }
    }

    /** The items still waiting for a decision, oldest first. */
    public static List<Item> open(Connection c) throws SQLException {
        return list(c, SELECT + " where resolved_at is null order by created_at, id");
    }

    public static Optional<Item> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT + " where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public static long openCount(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select count(*) from sync_inbox where resolved_at is null");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public static void resolve(Connection c, UUID id, Resolution resolution, String user, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update sync_inbox set resolved_at = ?, resolution = ?, resolved_by = ?
                where id = ? and resolved_at is null""")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, resolution.name());
            update.setString(3, user);
            update.setObject(4, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("The inbox item " + id + " is already settled.");
            }
        }
    }

    private static final String SELECT = """
            select id, client_id, entity_type, entity_id, mutation_id, kind, code, message, mine, theirs, server_version,
                created_at, resolution
            from sync_inbox""";

    private static List<Item> list(Connection c, String sql) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                items.add(read(row));
            }
        }
        return items;
    }

    private static Item read(ResultSet row) throws SQLException {
        long version = row.getLong(11);
        Optional<Long> serverVersion = row.wasNull() ? Optional.empty() : Optional.of(version);
        return new Item(row.getObject(1, UUID.class), new ClientId(row.getObject(2, UUID.class)),
                EntityType.valueOf(row.getString(3)), row.getObject(4, UUID.class),
                new MutationId(row.getObject(5, UUID.class)), Kind.valueOf(row.getString(6)),
                Optional.ofNullable(row.getString(7)), row.getString(8), Optional.ofNullable(row.getString(9)),
                Optional.ofNullable(row.getString(10)), serverVersion, row.getTimestamp(12).toInstant(),
                Optional.ofNullable(row.getString(13)).map(Resolution::valueOf));
    }
}
