package app.booksflow.server.audit;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.Role;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.ClientAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the audit trail for compliance, newest first, in pages keyed by (at, seq). Admins may read
 * their whole practice; accountants one client they are assigned to at a time; client users not at all.
 */
public final class AuditTrailQuery {

    /** A statement as it is sent: the SQL and its parameters in order. */
    record Query(String sql, List<Object> parameters) {
    }

    private static final String COLUMNS = "select seq, id, at, actor_id, device_id, client_id, entity_type, entity_id, "
            + "action, before_state, after_state, risk from audit_events where organization_id = ?";

    private final Db db;
    private final ObjectMapper json;

    public AuditTrailQuery(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public AuditPage read(Caller caller, AuditFilter filter) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("The audit trail is for the practice's admins and accountants.");
        }
        if (caller.role() == Role.ACCOUNTANT && filter.client().isEmpty()) {
            throw ApiException.forbidden("Accountants read the audit trail of one of their clients: add ?client=ID.");
        }
        Query query = query(caller.organization(), filter);
        return db.read("audit trail", c -> {
            if (filter.client().isPresent()) {
                ClientAccess.require(c, caller, filter.client().get());
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = prepare(c, query)) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(entry(row));
                    }
                }
            }
            String next = null;
            if (entries.size() > filter.limit()) {
                entries.removeLast();
                AuditEntry last = entries.getLast();
                next = new AuditFilter.Position(last.at(), last.seq()).encode();
            }
            return new AuditPage(entries, next);
        });
    }

    /**
     * The risk levels are written into the SQL as constants rather than bound: only then can the
     * planner prove that a HIGH or CRITICAL query fits the partial index audit_events_high_risk_by_time,
     * whatever plan it caches for the prepared statement.
     */
    static Query query(OrganizationId organization, AuditFilter filter) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> parameters = new ArrayList<>();
        parameters.add(organization.value());
        filter.client().ifPresent(client -> {
            sql.append(" and client_id = ?");
            parameters.add(client.value());
        });
        sql.append(switch (filter.minimumRisk().orElse(RiskLevel.LOW)) {
            case LOW -> "";
            case MEDIUM -> " and risk in ('MEDIUM', 'HIGH', 'CRITICAL')";
            case HIGH -> " and risk in ('HIGH', 'CRITICAL')";
            case CRITICAL -> " and risk in ('HIGH', 'CRITICAL') and risk = 'CRITICAL'";
        });
        filter.from().ifPresent(from -> {
            sql.append(" and at >= ?");
            parameters.add(Timestamp.from(from));
        });
        filter.to().ifPresent(to -> {
            sql.append(" and at < ?");
            parameters.add(Timestamp.from(to));
        });
        filter.after().ifPresent(after -> {
            // (at, seq) < (a, s), written so that "at <= a" can bound an index scan on at.
            sql.append(" and at <= ? and (at < ? or seq < ?)");
            parameters.add(Timestamp.from(after.at()));
            parameters.add(Timestamp.from(after.at()));
            parameters.add(after.seq());
        });
        sql.append(" order by at desc, seq desc limit ?");
        parameters.add(filter.limit() + 1);
        return new Query(sql.toString(), List.copyOf(parameters));
    }

    static PreparedStatement prepare(Connection c, Query query) throws SQLException {
        PreparedStatement prepared = c.prepareStatement(query.sql());
        for (int i = 0; i < query.parameters().size(); i++) {
            prepared.setObject(i + 1, query.parameters().get(i));
        }
        return prepared;
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(new AuditEventId(row.getObject(2, UUID.class)), row.getLong(1),
                row.getTimestamp(3).toInstant(), id(row, 4).map(UserId::new).orElse(null),
                id(row, 5).map(DeviceId::new).orElse(null), id(row, 6).map(ClientId::new).orElse(null),
                EntityType.valueOf(row.getString(7)), row.getObject(8, UUID.class), AuditAction.valueOf(row.getString(9)),
                RiskLevel.valueOf(row.getString(12)), state(row.getString(10)), state(row.getString(11)));
    }

    private static Optional<UUID> id(ResultSet row, int column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, UUID.class));
    }

    /** Stored as text so the hash chain covers exact bytes; shown as JSON, or as text if it never was JSON. */
    private JsonNode state(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
