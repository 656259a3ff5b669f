package app.booksflow.desktop.audit;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events to show: of one client or of all, at least a risk level, within days (inclusive,
 * in the user's time zone), of one kind of entity, by users whose name contains a text. Every part
 * is optional; an empty filter matches the whole trail.
 */
public record AuditQuery(Optional<ClientId> client, Optional<RiskLevel> minimumRisk, Optional<LocalDate> from,
        Optional<LocalDate> to, ZoneId zone, Optional<EntityType> entityType, Optional<String> user) {

    public AuditQuery {
        Objects.requireNonNull(client);
        Objects.requireNonNull(minimumRisk);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(entityType);
        user = Objects.requireNonNull(user).map(String::strip).filter(text -> !text.isEmpty());
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "The start date " + from.get() + " is after the end date " + to.get() + ".");
        }
    }

    public static AuditQuery everything(ZoneId zone) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), zone,
                Optional.empty(), Optional.empty());
    }

    public AuditQuery withClient(Optional<ClientId> chosen) {
        return new AuditQuery(chosen, minimumRisk, from, to, zone, entityType, user);
    }

    public AuditQuery withMinimumRisk(Optional<RiskLevel> risk) {
        return new AuditQuery(client, risk, from, to, zone, entityType, user);
    }

    public AuditQuery withDates(Optional<LocalDate> start, Optional<LocalDate> end) {
        return new AuditQuery(client, minimumRisk, start, end, zone, entityType, user);
    }

    public AuditQuery withEntityType(Optional<EntityType> type) {
        return new AuditQuery(client, minimumRisk, from, to, zone, type, user);
    }

    public AuditQuery withUser(Optional<String> name) {
        return new AuditQuery(client, minimumRisk, from, to, zone, entityType, name);
    }

    /** The first instant of the start day. */
    Optional<Instant> fromInstant() {
        return from.map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** The first instant after the end day. */
    Optional<Instant> untilInstant() {
        return to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
