package app.booksflow.desktop.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the local audit trail; see {@code desktop.audit} for what goes in it. */
@Entity
@Table(name = "audit_events")
public class AuditEventEntity {

    @Id
    private UUID id;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "user_name", nullable = false, length = 200)
    private String userName;
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "entity_type", nullable = false, length = 32)
    private String entityType;
    @Column(name = "entity_id", nullable = false)
    private UUID entityId;
    @Column(nullable = false, length = 32)
    private String action;
    @Column(name = "before_state", length = 1_000_000)
    private String beforeState;
    @Column(name = "after_state", length = 1_000_000)
    private String afterState;
    @Column(nullable = false, length = 10)
    private String risk;
    @Column(nullable = false, length = 300)
    private String summary;
    @Column
    private UUID undoes;
    @Column(nullable = false)
    private boolean undone;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(UUID id, Instant at, String userName, UUID clientId, String entityType, UUID entityId,
            String action, String beforeState, String afterState, String risk, String summary, UUID undoes) {
        this.id = id;
        this.at = at;
        this.userName = userName;
        this.clientId = clientId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.risk = risk;
        this.summary = summary;
        this.undoes = undoes;
    }

    public UUID id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String userName() {
        return userName;
    }

    public UUID clientId() {
        return clientId;
    }

    public String entityType() {
        return entityType;
    }

    public UUID entityId() {
        return entityId;
    }

    public String action() {
        return action;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }

    public String risk() {
        return risk;
    }

    public String summary() {
        return summary;
    }

    public UUID undoes() {
        return undoes;
    }

    public boolean undone() {
        return undone;
    }

    public void markUndone() {
        undone = true;
    }
}
