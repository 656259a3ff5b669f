package app.booksflow.server.audit;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Walks each practice's audit chain and recomputes every hash. Finds rows that were edited (their
 * hash no longer matches), removed (a gap in the numbers, or a head that points past the last row)
 * or reordered (a row whose previous hash is not the hash of the row before it).
 */
public final class AuditVerifier {

    /** The outcome for one practice: how many rows were checked and what was wrong. */
    public record Report(OrganizationId organization, long rows, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public List<Report> verifyAll(Connection connection) throws SQLException {
        List<Report> reports = new ArrayList<>();
        try (PreparedStatement heads = connection.prepareStatement(
                "select organization_id from audit_chain_heads order by organization_id");
                ResultSet rows = heads.executeQuery()) {
            while (rows.next()) {
                reports.add(verify(connection, new OrganizationId(rows.getObject(1, UUID.class))));
            }
        }
        return reports;
    }

    public Report verify(Connection connection, OrganizationId organization) throws SQLException {
        List<String> problems = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, id, at, actor_id, device_id, client_id, entity_type, entity_id, action, before_state,
                       after_state, risk, prev_hash, hash
                from audit_events where organization_id = ? order by seq""")) {
            select.setObject(1, organization.value());
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next() && problems.size() < 20) {
                    count++;
                    long seq = row.getLong("seq");
                    if (seq != expectedSeq) {
                        problems.add("Row " + expectedSeq + (seq > expectedSeq + 1 ? " to " + (seq - 1) : "")
                                + " is missing: the chain jumps from " + (expectedSeq - 1) + " to " + seq + ".");
                    }
                    AuditEvent event = read(organization, row);
                    byte[] storedPrevious = row.getBytes("prev_hash");
                    byte[] stored = row.getBytes("hash");
                    if (!Arrays.equals(storedPrevious, previous) && seq == expectedSeq) {
                        problems.add("Row " + seq + " does not follow row " + (seq - 1)
                                + ": rows were reordered or replaced.");
                    }
                    if (!Arrays.equals(AuditChain.hash(storedPrevious, seq, event), stored)) {
                        problems.add("Row " + seq + " (" + event.action() + " of " + event.entityType() + " "
                                + event.entityId() + ") was changed after it was written.");
                    }
                    previous = stored;
                    expectedSeq = seq + 1;
                }
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "select seq, hash from audit_chain_heads where organization_id = ?")) {
            head.setObject(1, organization.value());
            try (ResultSet row = head.executeQuery()) {
                if (row.next() && problems.isEmpty()) {
                    if (row.getLong(1) != expectedSeq - 1) {
                        problems.add("The chain should end at row " + row.getLong(1) + " but ends at row "
                                + (expectedSeq - 1) + ": the last rows were removed.");
                    } else if (!Arrays.equals(row.getBytes(2), previous)) {
                        problems.add("The last row's hash " + HexFormat.of().formatHex(previous)
                                + " is not the one recorded for the chain.");
                    }
                }
            }
        }
        return new Report(organization, count, List.copyOf(problems));
    }

    private static AuditEvent read(OrganizationId organization, ResultSet row) throws SQLException {
        return new AuditEvent(new AuditEventId(row.getObject("id", UUID.class)), row.getTimestamp("at").toInstant(),
                organization, uuid(row, "actor_id").map(UserId::new), uuid(row, "device_id").map(DeviceId::new),
                uuid(row, "client_id").map(ClientId::new), EntityType.valueOf(row.getString("entity_type")),
                row.getObject("entity_id", UUID.class), AuditAction.valueOf(row.getString("action")),
                Optional.ofNullable(row.getString("before_state")), Optional.ofNullable(row.getString("after_state")),
                RiskLevel.valueOf(row.getString("risk")));
    }

    static Optional<UUID> uuid(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, UUID.class));
    }
}
