package app.booksflow.model.audit;

import app.booksflow.model.Checks;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the audit trail: who did what to which record, when and from which device, with the
 * record before and after as JSON text. The actor is empty for the system itself (scheduled jobs).
 */
public record AuditEvent(AuditEventId id, Instant at, OrganizationId organization, Optional<UserId> actor,
        Optional<DeviceId> device, Optional<ClientId> client, EntityType entityType, UUID entityId,
        AuditAction action, Optional<String> before, Optional<String> after, RiskLevel risk) {

    public AuditEvent {
        Checks.required(id, "The audit event id");
        Checks.required(at, "The time of the event");
        Checks.required(organization, "The practice");
        Checks.required(actor, "The actor");
        Checks.required(device, "The device");
        Checks.required(client, "The client");
        Checks.required(entityType, "The kind of record");
        Checks.required(entityId, "The record id");
        Checks.required(action, "The action");
        Checks.required(before, "The state before");
        Checks.required(after, "The state after");
        Checks.required(risk, "The risk level");
    }
}
