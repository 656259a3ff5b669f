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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends audit events inside the caller's transaction. Each practice's chain head is row-locked only
 * for the moment of appending, at the end of the transaction's work, so concurrent requests of one
 * practice wait for each other only briefly.
 */
public final class AuditTrail {

    private static final String COLUMNS = "organization_id, seq, id, at, actor_id, device_id, client_id, entity_type, "
            + "entity_id, action, before_state, after_state, risk, prev_hash, hash";
    private static final int COLUMN_COUNT = 15;
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
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit_chain_heads (organization_id, seq, hash) values (?, 0, ?) on conflict do nothing")) {
            insert.setObject(1, organization.value());
            insert.setBytes(2, AuditChain.GENESIS);
            insert.executeUpdate();
        }
    }

    private void appendToChain(Connection connection, OrganizationId organization, List<AuditEvent> events)
            throws SQLException {
        long seq;
        byte[] previous;
        try (PreparedStatement head = connection.prepareStatement(
                "select seq, hash from audit_chain_heads where organization_id = ? for update")) {
            head.setObject(1, organization.value());
            try (ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("No audit chain for practice " + organization);
                }
                seq = row.getLong(1);
                previous = row.getBytes(2);
            }
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seq++;
            byte[] hash = AuditChain.hash(previous, seq, event);
            rows.add(new Object[] {organization.value(), seq, event.id(), AuditChain.storedPrecision(event.at()),
                event.actor().orElse(null), event.device().orElse(null), event.client().orElse(null),
                event.entityType().name(), event.entityId(), event.action().name(), event.before().orElse(null),
                event.after().orElse(null), event.risk().name(), previous, hash});
            previous = hash;
        }
        // The head's row lock is held from the select above until commit, and every write of the practice
        // waits for it: a few events go in with the head's update in one statement, a batch by COPY.
        if (rows.size() <= MAX_ROWS_IN_ONE_STATEMENT) {
            insertWithHead(connection, organization, rows, seq, previous);
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
                    "update audit_chain_heads set seq = ?, hash = ? where organization_id = ?")) {
                update.setLong(1, seq);
                update.setBytes(2, previous);
                update.setObject(3, organization.value());
                update.executeUpdate();
            }
        }
    }

    private static void insertWithHead(Connection connection, OrganizationId organization, List<Object[]> rows,
            long seq, byte[] hash) throws SQLException {
        String row = "(" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
        String sql = "with appended as (insert into audit_events (" + COLUMNS + ") values "
                + String.join(", ", Collections.nCopies(rows.size(), row))
                + ") update audit_chain_heads set seq = ?, hash = ? where organization_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object[] values : rows) {
                for (Object value : values) {
                    bind(statement, index++, value);
                }
            }
            statement.setLong(index++, seq);
            statement.setBytes(index++, hash);
            statement.setObject(index, organization.value());
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
            default -> statement.setString(index, value.toString());
        }
    }
}
