package app.booksflow.server.audit;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.UserId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit event as auditors read it, with the record before and after as JSON. Every field is
 * always present (null when it does not apply: no actor for the system, no client for a sign-in).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntry(AuditEventId id, long seq, Instant at, UserId actor, DeviceId device, ClientId client,
        EntityType entityType, UUID entityId, AuditAction action, RiskLevel risk, JsonNode before, JsonNode after) {
}
