package app.booksflow.desktop.audit;

import app.booksflow.desktop.store.entity.AuditEventEntity;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.Uuid7;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The local audit trail: written in the same database transaction as the change it records, so the
 * trail and the books can never disagree; read for the recent-activity list and for undo.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static final int SUMMARY_LENGTH = 300;

    private AuditLog() {
    }

    /** @param undoes the event this change reverts, when it is an undo */
    public static UUID record(Session session, Instant at, String user, AuditEntry entry, Optional<UUID> undoes) {
        UUID id = Uuid7.next();
        String summary = entry.summary().length() <= SUMMARY_LENGTH ? entry.summary()
                : entry.summary().substring(0, SUMMARY_LENGTH - 1) + "…";
        session.persist(new AuditEventEntity(id, at, user, entry.client().map(ClientId::value).orElse(null),
                entry.entityType().name(), entry.entityId(), entry.action().name(),
                entry.before().map(AuditLog::toJson).orElse(null), entry.after().map(AuditLog::toJson).orElse(null),
                entry.risk().name(), summary, undoes.orElse(null)));
        return id;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit trail holds a " + type.getSimpleName() + " that cannot be read", e);
        }
    }

    /** The latest events, newest first; of one client, or of the whole practice. */
    public static List<AuditRecord> latest(Session session, Optional<ClientId> client, int limit) {
        var query = client.isPresent()
                ? session.createSelectionQuery("from AuditEventEntity where clientId = :client order by at desc, id desc",
                        AuditEventEntity.class).setParameter("client", client.get().value())
                : session.createSelectionQuery("from AuditEventEntity order by at desc, id desc", AuditEventEntity.class);
        return query.setMaxResults(limit).getResultList().stream().map(AuditLog::toRecord).toList();
    }

    /**
     * The latest change that is neither an undo nor undone already: what "undo" reverts next. Ordered by
     * id, which is time-ordered and strictly increasing within the process, unlike a clock that may be set back.
     */
    public static Optional<AuditEventEntity> lastUndoable(Session session) {
        return session.createSelectionQuery(
                        "from AuditEventEntity where undoes is null and undone = false order by id desc",
                        AuditEventEntity.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public static AuditRecord toRecord(AuditEventEntity e) {
        return new AuditRecord(e.id(), e.at(), e.userName(), Optional.ofNullable(e.clientId()).map(ClientId::new),
                EntityType.valueOf(e.entityType()), e.entityId(), AuditAction.valueOf(e.action()),
                Optional.ofNullable(e.beforeState()), Optional.ofNullable(e.afterState()), RiskLevel.valueOf(e.risk()),
                e.summary(), Optional.ofNullable(e.undoes()), e.undone());
    }
}
