package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.dashboard.ClientChart;
import app.booksflow.desktop.dashboard.DashboardDelta;
import app.booksflow.desktop.search.SearchDelta;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    WriteContext(Session session, String user, Instant now) {
        this.session = session;
        this.user = user;
        this.now = now;
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

    UUID audit(AuditEntry entry) {
        return AuditLog.record(session, now, user, entry, undoes);
    }
}
