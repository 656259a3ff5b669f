package app.booksflow.server.metrics;

import app.booksflow.server.db.Db;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code booksflow.sessions.active}: sign-ins that are neither ended nor expired. Counted in
 * the database at most every 30 seconds (of the server's clock), however often Prometheus scrapes.
 */
public final class ActiveSessions {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ActiveSessions.class);

    private final Db db;
    private final Clock clock;
    private Instant countedAt;
    private double count = Double.NaN;

    private ActiveSessions(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static void register(Db db, Clock clock, MeterRegistry registry) {
        // Micrometer holds a gauge's object weakly by default; only the registry keeps this one alive.
        Gauge.builder("booksflow.sessions.active", new ActiveSessions(db, clock), ActiveSessions::value)
                .description("Sessions that are neither ended nor expired")
                .strongReference(true)
                .register(registry);
    }

    synchronized double value() {
        Instant now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(MAX_AGE))) {
            try {
                count = db.read("count active sessions", c -> {
                    try (PreparedStatement select = c.prepareStatement(
                            "select count(*) from auth_tokens where revoked_at is null and expires_at > ?")) {
                        select.setTimestamp(1, Timestamp.from(now));
                        try (ResultSet row = select.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                });
                countedAt = now;
            } catch (RuntimeException e) {
                // A scrape must not fail because of one gauge; the last count stays until the next try.
                LOG.warn("Cannot count the active sessions: {}", e.getMessage());
            }
        }
        return count;
    }
}
