package app.booksflow.desktop.audit;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import java.util.Optional;
import java.util.UUID;

/**
 * A change about to be written to the local audit trail. Before and after are domain records
 * (written as JSON with the protocol's mapper); empty for a creation and a deletion respectively.
 */
public record AuditEntry(Optional<ClientId> client, EntityType entityType, UUID entityId, AuditAction action,
        Optional<?> before, Optional<?> after, RiskLevel risk, String summary) {

    public static AuditEntry of(ClientId client, EntityType entityType, UUID entityId, AuditAction action,
            Object before, Object after, RiskLevel risk, String summary) {
        return new AuditEntry(Optional.ofNullable(client), entityType, entityId, action, Optional.ofNullable(before),
                Optional.ofNullable(after), risk, summary);
    }
}
