package app.booksflow.server.audit;

import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import app.booksflow.server.ApiException;
import app.booksflow.server.PageCursor;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What part of the audit trail to read: a client (or the whole practice), a minimum risk, a time
 * window {@code from <= at < to}, and the position after which the page starts.
 */
public record AuditFilter(Optional<ClientId> client, Optional<RiskLevel> minimumRisk, Optional<Instant> from,
        Optional<Instant> to, Optional<Position> after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The sort key (at, seq) of the last entry served. */
    public record Position(Instant at, long seq) {

        String encode() {
            return PageCursor.encode(at, seq);
        }

        static Position decode(String cursor) {
            List<String> parts = PageCursor.decode(cursor, 2);
            try {
                return new Position(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
            } catch (DateTimeException | NumberFormatException e) {
                throw PageCursor.invalid();
            }
        }
    }

    /**
     * Reads the query parameters as people type them. A date means whole days in the given zone (so
     * {@code to=2025-06-30} includes all of the 30th); an instant ({@code 2025-06-30T12:00:00Z}) is exact.
     */
    public static AuditFilter parse(Optional<ClientId> client, String risk, String from, String to, String after,
            String limit, ZoneId zone) {
        Optional<Instant> start = text(from).map(value -> instant("from", value, zone, false));
        Optional<Instant> end = text(to).map(value -> instant("to", value, zone, true));
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw ApiException.badRequest("INVALID_PARAMETER", "'from' must be before 'to'.");
        }
        return new AuditFilter(client, text(risk).map(AuditFilter::risk), start, end,
                text(after).map(Position::decode), limit(text(limit)));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static RiskLevel risk(String value) {
        try {
            return RiskLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER",
                    "The parameter 'risk' must be one of LOW, MEDIUM, HIGH or CRITICAL; got '" + value + "'.");
        }
    }

    private static Instant instant(String param, String value, ZoneId zone, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "The parameter '" + param
                    + "' must be a date (2025-06-30) or an instant (2025-06-30T12:00:00Z); got '" + value + "'.");
        }
    }

    private static int limit(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw ApiException.badRequest("INVALID_LIMIT", "The limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
