package app.booksflow.desktop.syncstate;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.MutationId;
import app.booksflow.protocol.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Local changes waiting for the server. A write appends its changes in its own transaction; a change
 * not sent yet is replaced by a later change of the same entity (only the latest state travels), and a
 * row once sent stays exactly as sent until the server's answer comes back, so a retry repeats it.
 */
public final class Outbox {

    /** A change to send: the entity's state after the write as JSON, or empty when it was deleted. */
    public record Change(ClientId client, EntityType type, UUID entityId, Optional<String> payload) {
    }

    /** A row of the outbox; {@code baseVersion} is fixed once it has been sent. */
    public record Pending(long sequence, MutationId mutationId, ClientId client, EntityType type, UUID entityId,
            Operation operation, String payload, long baseVersion, boolean sent, Instant createdAt) {
    }

    private Outbox() {
    }

    public static void append(Connection c, List<Change> changes, Instant now) throws SQLException {
        for (Change change : changes) {
            try (PreparedStatement replace = c.prepareStatement("delete from sync_outbox where entity_id = ? and not sent")) {
                replace.setObject(1, change.entityId());
                replace.executeUpdate();
            }
            if (change.payload().isEmpty() && !hasPending(c, change.entityId())
                    && ServerState.find(c, change.entityId()).map(ServerState::deleted).orElse(true)) {
                continue; // made and removed here before the server ever had it: nothing to tell
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into sync_outbox (sequence, mutation_id, client_id, entity_type, entity_id, operation, payload,
                        sent, created_at)
                    values (next value for sync_device_sequence, ?, ?, ?, ?, ?, ?, false, ?)""")) {
                insert.setObject(1, MutationId.random().value());
                insert.setObject(2, change.client().value());
                insert.setString(3, change.type().name());
                insert.setObject(4, change.entityId());
                insert.setString(5, (change.payload().isPresent() ? Operation.UPSERT : Operation.DELETE).name());
                insert.setString(6, change.payload().orElse(null));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    /**
     * The next rows to push, in order, at most one per entity (a later change of an entity waits for the
     * answer to the earlier one, whose new version it is based on). Rows not sent before get their base
     * version now and are marked sent: from here on they travel unchanged.
     *
     * @param inFlight rows sent whose answer has not been recorded yet: left out, and so are the later
     *     changes of their entities
     */
    public static List<Pending> nextBatch(Connection c, int limit, Set<Long> inFlight) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        Set<UUID> entities = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement(SELECT + " order by sequence")) {
            select.setFetchSize(Math.min((limit + inFlight.size()) * 2, 5000));
            try (ResultSet row = select.executeQuery()) {
                while (batch.size() < limit && row.next()) {
                    Pending pending = read(row);
                    if (entities.add(pending.entityId()) && !inFlight.contains(pending.sequence())) {
                        batch.add(pending);
                    }
                }
            }
        }
        Map<UUID, Long> versions = ServerState.versions(c, batch.stream().filter(p -> !p.sent()).map(Pending::entityId).toList());
        List<Pending> fixed = new ArrayList<>(batch.size());
        try (PreparedStatement send = c.prepareStatement(
                "update sync_outbox set base_version = ?, sent = true where sequence = ?")) {
            for (Pending pending : batch) {
                if (pending.sent()) {
                    fixed.add(pending);
                    continue;
                }
                long base = versions.getOrDefault(pending.entityId(), 0L);
                send.setLong(1, base);
                send.setLong(2, pending.sequence());
                send.addBatch();
                fixed.add(new Pending(pending.sequence(), pending.mutationId(), pending.client(), pending.type(),
                        pending.entityId(), pending.operation(), pending.payload(), base, true, pending.createdAt()));
            }
            send.executeBatch();
        }
        return fixed;
    }

    /** Which of these rows are still in the outbox (not answered yet). */
    public static Set<Long> present(Connection c, List<Long> sequences) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("select sequence from sync_outbox where sequence = any(?)")) {
            select.setArray(1, c.createArrayOf("BIGINT", sequences.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getLong(1));
                }
            }
        }
        return found;
    }

    public static void removeAll(Connection c, List<Long> sequences) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from sync_outbox where sequence = any(?)")) {
            delete.setArray(1, c.createArrayOf("BIGINT", sequences.toArray()));
            delete.executeUpdate();
        }
    }

    public static Optional<Pending> find(Connection c, MutationId mutation) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT + " where mutation_id = ?")) {
            select.setObject(1, mutation.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The rows of one entity still waiting, oldest first. */
    public static List<Pending> pendingOf(Connection c, UUID entityId) throws SQLException {
        List<Pending> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT + " where entity_id = ? order by sequence")) {
            select.setObject(1, entityId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(read(row));
                }
            }
        }
        return rows;
    }

    public static boolean hasPending(Connection c, UUID entityId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select 1 from sync_outbox where entity_id = ? limit 1")) {
            select.setObject(1, entityId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public static long count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select count(*) from sync_outbox");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    public static void remove(Connection c, long sequence) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from sync_outbox where sequence = ?")) {
            delete.setLong(1, sequence);
            delete.executeUpdate();
        }
    }

    private static final String SELECT = """
            select sequence, mutation_id, client_id, entity_type, entity_id, operation, payload, base_version, sent,
                created_at
            from sync_outbox""";

    private static Pending read(ResultSet row) throws SQLException {
        return new Pending(row.getLong(1), new MutationId(row.getObject(2, UUID.class)),
                new ClientId(row.getObject(3, UUID.class)), EntityType.valueOf(row.getString(4)),
                row.getObject(5, UUID.class), Operation.valueOf(row.getString(6)), row.getString(7), row.getLong(8),
                row.getBoolean(9), row.getTimestamp(10).toInstant());
    }
}
