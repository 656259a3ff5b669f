package app.booksflow.desktop.audit;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One event of the local audit trail as read back: for the recent-activity list and for undo. */
public record AuditRecord(UUID id, Instant at, String user, Optional<ClientId> client, EntityType entityType,
        UUID entityId, AuditAction action, Optional<String> before, Optional<String> after, RiskLevel risk,
        String summary, Optional<UUID> undoes, boolean undone) {
}
