package app.booksflow.server.audit;

import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.id.EntityId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.server.db.Copy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Appends audit events inside the caller's transaction. Each practice's chain runs in {@link #LANES} lanes
 * (ADR 0045); an append takes a lane whose head no other transaction holds, at the end of the
 * transaction's work, and holds it until its commit is on disk. So up to {@code LANES} writes of one
 * practice wait for the disk together, and only a further one waits for a lane.
 */
public final class AuditTrail {

    /** How many lanes each practice's chain has: as many writes of one practice as commit at once. */
    public static final int LANES = 8;

    private static final String COLUMNS = "organization_id, lane, seq, id, at, actor_id, device_id, client_id, entity_type, "
            + "entity_id, action, before_state, after_state, risk, prev_hash, hash";
    private static final int COLUMN_COUNT = 16;
    /** Up to this many events (a REST write, a small push) go in by one statement with the head's update. */
    static final int MAX_ROWS_IN_ONE_STATEMENT = 50;

    public void append(Connection connection, List<AuditEvent> events) throws SQLException {
        Map<OrganizationId, List<AuditEvent>> byOrganization = new LinkedHashMap<>();
        for (AuditEvent event : events) {
            byOrganization.computeIfAbsent(event.organization(), o -> new ArrayList<>()).add(event);
        }
        for (var entry : byOrganization.entrySet()) {
            appendToChain(connection, entry.getKey(), entry.getValue());
        }
    }

    public static void createChain(Connection connection, OrganizationId organization) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_chain_heads (organization_id, lane, seq, hash)
                select ?, lane, 0, ? from generate_series(0, ?) as lanes (lane)
                on conflict do nothing""")) {
            insert.setObject(1, organization.value());
            insert.setBytes(2, AuditChain.GENESIS);
            insert.setInt(3, LANES - 1);
            insert.executeUpdate();
        }
    }

    private void appendToChain(Connection connection, OrganizationId organization, List<AuditEvent> events)
            throws SQLException {
        Optional<Head> free = lockFreeLane(connection, organization);
        Head head = (free.isPresent() ? free : lockLane(connection, organization, ThreadLocalRandom.current().nextInt(LANES)))
                .orElseThrow(() -> new SQLException("No audit chain for practice " + organization));
        long[] numbers = nextNumbers(connection, events.size());
        int lane = head.lane();
        long seq = 0;
        byte[] previous = head.hash();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            seq = numbers[i];
            byte[] hash = AuditChain.hash(previous, seq, event);
            rows.add(new Object[] {organization.value(), (short) lane, seq, event.id(), AuditChain.storedPrecision(event.at()),
                event.actor().orElse(null), event.device().orElse(null), event.client().orElse(null),
                event.entityType().name(), event.entityId(), event.action().name(), event.before().orElse(null),
                event.after().orElse(null), event.risk().name(), previous, hash});
            previous = hash;
        }
        // The lane's head stays locked until commit: a few events go in with its update in one statement, a
        // batch by COPY.
        if (rows.size() <= MAX_ROWS_IN_ONE_STATEMENT) {
            insertWithHead(connection, organization, lane, rows, seq, previous);
        } else {
            Copy copy = new Copy("audit_events (" + COLUMNS + ")");
            for (Object[] row : rows) {
                for (Object value : row) {
                    copy.value(value);
                }
                copy.endRow();
            }
            copy.into(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_chain_heads set seq = ?, hash = ? where organization_id = ? and lane = ?")) {
                update.setLong(1, seq);
                update.setBytes(2, previous);
                update.setObject(3, organization.value());
                update.setInt(4, lane);
                update.executeUpdate();
            }
        }
    }

    /** A lane and the hash its chain ends with ({@link AuditChain#GENESIS} before its first row). */
    private record Head(int lane, byte[] hash) {
    }

    /** The first lane of the practice that no other transaction holds, locked; empty when all are held. */
    private static Optional<Head> lockFreeLane(Connection connection, OrganizationId organization) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("""
                select lane, hash from audit_chain_heads where organization_id = ?
                order by lane limit 1 for update skip locked""")) {
            head.setObject(1, organization.value());
            return head(head);
        }
    }

    /** The lane, locked once the transaction holding it ends. */
    private static Optional<Head> lockLane(Connection connection, OrganizationId organization, int lane)
            throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "select lane, hash from audit_chain_heads where organization_id = ? and lane = ? for update")) {
            head.setObject(1, organization.value());
            head.setInt(2, lane);
            return head(head);
        }
    }

    private static Optional<Head> head(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new Head(row.getInt(1), row.getBytes(2))) : Optional.empty();
        }
    }

    /** Row numbers for this many events, in increasing order: unique across practices, increasing along a lane. */
    private static long[] nextNumbers(Connection connection, int count) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('audit_events_seq') from generate_series(1, ?)")) {
            next.setInt(1, count);
            long[] numbers = new long[count];
            int i = 0;
            try (ResultSet row = next.executeQuery()) {
                while (row.next()) {
                    numbers[i++] = row.getLong(1);
                }
            }
            Arrays.sort(numbers);
            return numbers;
        }
    }

    private static void insertWithHead(Connection connection, OrganizationId organization, int lane,
            List<Object[]> rows, long seq, byte[] hash) throws SQLException {
        String row = "(" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
        String sql = "with appended as (insert into audit_events (" + COLUMNS + ") values "
                + String.join(", ", Collections.nCopies(rows.size(), row))
                + ") update audit_chain_heads set seq = ?, hash = ? where organization_id = ? and lane = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object[] values : rows) {
                for (Object value : values) {
                    bind(statement, index++, value);
                }
            }
            statement.setLong(index++, seq);
            statement.setBytes(index++, hash);
            statement.setObject(index++, organization.value());
            statement.setInt(index, lane);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setObject(index, null);
            case Instant instant -> statement.setTimestamp(index, Timestamp.from(instant));
            case byte[] bytes -> statement.setBytes(index, bytes);
            case UUID uuid -> statement.setObject(index, uuid);
            case EntityId id -> statement.setObject(index, id.value());
            case Long number -> statement.setLong(index, number);
            case Short number -> statement.setShort(index, number);
            default -> statement.setString(index, value.toString());
        }
    }
}
