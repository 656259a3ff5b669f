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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Walks each lane of each practice's audit chain (ADR 0045) and recomputes every hash. Finds rows that were
 * edited (their hash no longer matches), removed or reordered (a row whose previous hash is not the hash of
 * the row before it in its lane), and last rows removed (a lane's head that points past its last row).
 */
public final class AuditVerifier {

    /** A practice's report stops listing problems after this many: the first ones say enough. */
    private static final int MAX_PROBLEMS = 20;

    /** The outcome for one practice: how many rows were checked and what was wrong. */
    public record Report(OrganizationId organization, long rows, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public List<Report> verifyAll(Connection connection) throws SQLException {
        List<Report> reports = new ArrayList<>();
        try (PreparedStatement heads = connection.prepareStatement(
                "select distinct organization_id from audit_chain_heads order by organization_id");
                ResultSet rows = heads.executeQuery()) {
            while (rows.next()) {
                reports.add(verify(connection, new OrganizationId(rows.getObject(1, UUID.class))));
            }
        }
        return reports;
    }

    public Report verify(Connection connection, OrganizationId organization) throws SQLException {
        Map<Integer, LaneEnd> heads = heads(connection, organization);
        Walk walk = new Walk(heads);
        try (PreparedStatement select = connection.prepareStatement("""
                select lane, seq, id, at, actor_id, device_id, client_id, entity_type, entity_id, action, before_state,
                       after_state, risk, prev_hash, hash
                from audit_events where organization_id = ? order by lane, seq""")) {
            select.setObject(1, organization.value());
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next() && walk.problems.size() < MAX_PROBLEMS) {
                    walk.row(row.getInt("lane"), row.getLong("seq"), read(organization, row), row.getBytes("prev_hash"),
                            row.getBytes("hash"));
                }
            }
        }
        return new Report(organization, walk.rows, walk.end());
    }

    /** Where each lane's chain should end, as recorded with the practice's last append to it. */
    private record LaneEnd(long seq, byte[] hash) {
    }

    private static Map<Integer, LaneEnd> heads(Connection connection, OrganizationId organization) throws SQLException {
        Map<Integer, LaneEnd> heads = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select lane, seq, hash from audit_chain_heads where organization_id = ?")) {
            select.setObject(1, organization.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    heads.put(row.getInt(1), new LaneEnd(row.getLong(2), row.getBytes(3)));
                }
            }
        }
        return heads;
    }

    /** One pass over a practice's rows in lane order, each lane from its first row to its recorded end. */
    private static final class Walk {

        private final Map<Integer, LaneEnd> heads;
        private final List<String> problems = new ArrayList<>();
        private long rows;
        private int lane = -1;
        private long lastSeq;
        private byte[] previous = AuditChain.GENESIS;

        Walk(Map<Integer, LaneEnd> heads) {
            this.heads = heads;
        }

        void row(int rowLane, long seq, AuditEvent event, byte[] storedPrevious, byte[] stored) {
            rows++;
            if (rowLane != lane) {
                endLane();
                lane = rowLane;
                lastSeq = 0;
                previous = AuditChain.GENESIS;
                if (!heads.containsKey(lane)) {
                    problems.add("Row " + seq + " is in lane " + lane + ", which the practice's chain does not have.");
                }
            }
            if (!Arrays.equals(storedPrevious, previous)) {
                problems.add("Row " + seq + " does not follow " + (lastSeq == 0 ? "the start of lane " + lane
                        : "row " + lastSeq + " of lane " + lane) + ": a row between them was removed, or rows were "
                        + "reordered or replaced.");
            }
            if (!Arrays.equals(AuditChain.hash(storedPrevious, seq, event), stored)) {
                problems.add("Row " + seq + " (" + event.action() + " of " + event.entityType() + " "
                        + event.entityId() + ") was changed after it was written.");
            }
            previous = stored;
            lastSeq = seq;
        }

        /** The lane just walked ends where its head says; lanes without rows are still at their start. */
        private void endLane() {
            if (lane >= 0) {
                checkEnd(lane, lastSeq, previous);
            }
        }

        List<String> end() {
            endLane();
            for (var head : heads.entrySet()) {
                if (head.getKey() > lane) {
                    checkEnd(head.getKey(), 0, AuditChain.GENESIS);
                }
            }
            return List.copyOf(problems);
        }

        private void checkEnd(int endedLane, long seq, byte[] hash) {
            LaneEnd head = heads.get(endedLane);
            if (head == null || problems.size() >= MAX_PROBLEMS) {
                return;
            }
            if (head.seq() != seq) {
                problems.add("Lane " + endedLane + " should end at row " + head.seq() + " but ends at "
                        + (seq == 0 ? "its start" : "row " + seq) + ": the last rows were removed.");
            } else if (!Arrays.equals(head.hash(), hash)) {
                problems.add("The hash " + HexFormat.of().formatHex(hash) + " that lane " + endedLane
                        + " ends with is not the one recorded for it.");
            }
        }
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
