package app.booksflow.server.audit;

import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.server.db.Copy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends audit events inside the caller's transaction. Each practice's chain head is row-locked only
 * for the moment of appending, at the end of the transaction's work, so concurrent requests of one
 * practice wait for each other only briefly.
 */
public final class AuditTrail {

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
        Copy rows = new Copy("audit_events (organization_id, seq, id, at, actor_id, device_id, client_id, entity_type, "
                + "entity_id, action, before_state, after_state, risk, prev_hash, hash)");
        for (AuditEvent event : events) {
            seq++;
            byte[] hash = AuditChain.hash(previous, seq, event);
            rows.value(organization).value(seq).value(event.id()).value(AuditChain.storedPrecision(event.at()))
                    .value(event.actor().orElse(null)).value(event.device().orElse(null))
                    .value(event.client().orElse(null)).value(event.entityType().name()).value(event.entityId())
                    .value(event.action().name()).value(event.before().orElse(null)).value(event.after().orElse(null))
                    .value(event.risk().name()).value(previous).value(hash).endRow();
            previous = hash;
        }
        rows.into(connection);
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_chain_heads set seq = ?, hash = ? where organization_id = ?")) {
            update.setLong(1, seq);
            update.setBytes(2, previous);
            update.setObject(3, organization.value());
            update.executeUpdate();
        }
    }
}
