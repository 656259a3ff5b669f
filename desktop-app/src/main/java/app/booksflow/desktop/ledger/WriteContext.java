package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.dashboard.ClientChart;
import app.booksflow.desktop.dashboard.DashboardDelta;
import app.booksflow.desktop.search.SearchDelta;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * One write in progress: its session, who makes it and when, the dashboard change it accumulates
 * and search index change it accumulates (written just before the commit) and the audit events it records.
 */
final class WriteContext {

    private final Session session;
    private final String user;
    private final Instant now;
    private Optional<UUID> undoes = Optional.empty();
    private final DashboardDelta dashboards = new DashboardDelta();
    private final SearchDelta search = new SearchDelta();
    private final Map<ClientId, ClientChart> charts = new HashMap<>();
    private final boolean fromServer;
    private final Map<UUID, Outbox.Change> outgoing = new LinkedHashMap<>();

    private static final Set<AuditAction> SYNC_EVENTS = EnumSet.of(AuditAction.SYNC_APPLIED, AuditAction.SYNC_REJECTED,
            AuditAction.SYNC_CONFLICT, AuditAction.CONFLICT_RESOLVED);
    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static final Set<EntityType> SYNCED = EnumSet.of(EntityType.CLIENT, EntityType.ACCOUNT, EntityType.TAX_CODE,
            EntityType.TRANSACTION, EntityType.RECEIPT);

    WriteContext(Session session, String user, Instant now) {
        this(session, user, now, false);
    }

    /** @param fromServer a write of changes pulled from the server: neither audited here nor sent back */
    WriteContext(Session session, String user, Instant now, boolean fromServer) {
        this.session = session;
        this.user = user;
        this.now = now;
        this.fromServer = fromServer;
    }

    /** Marks every audit event of this write as the undo of the given event. */
    void undoing(UUID event) {
        undoes = Optional.of(event);
    }

    Session session() {
        return session;
    }

    Instant now() {
        return now;
    }

    DashboardDelta dashboards() {
        return dashboards;
    }

    SearchDelta search() {
        return search;
    }

    ClientEntity clientEntity(ClientId id) {
        ClientEntity entity = session.find(ClientEntity.class, id.value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE, "The client " + id + " does not exist on this device.");
        }
        return entity;
    }

    Client client(ClientId id) {
        return clientEntity(id).toDomain();
    }

    /** The client's accounts and tax codes, loaded once per write. */
    ClientChart chart(ClientId id) {
        return charts.computeIfAbsent(id, key -> ClientChart.load(session, key, client(key).baseCurrency()));
    }

    /** Records the change in the audit trail and, for an entity that syncs, queues its new state for the server. */
    UUID audit(AuditEntry entry) {
        if (entry.client().isPresent() && !SYNC_EVENTS.contains(entry.action())) {
            Object after = entry.after().orElse(null);
            publish(entry.client().get(), entry.entityType(), entry.entityId(),
                    after instanceof ReceiptRecord record ? record.receipt() : after);
        }
        return AuditLog.record(session, now, user, entry, undoes);
    }

    /**
     * Queues the entity's state after this write (null when deleted) for the server; the last state
     * of an entity in a write is the one that travels. Entities made without an audit event of their own
     * (a new client's chart) are published by the write that makes them.
     */
    void publish(ClientId client, EntityType type, UUID id, Object after) {
        if (fromServer || !SYNCED.contains(type)) {
            return;
        }
        outgoing.remove(id);
        outgoing.put(id, new Outbox.Change(client, type, id, Optional.ofNullable(after).map(WriteContext::json)));
    }

    List<Outbox.Change> outgoing() {
        return List.copyOf(outgoing.values());
    }

    /** An entity's state as the JSON text that travels to the server. */
    static String json(Object state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + state.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
