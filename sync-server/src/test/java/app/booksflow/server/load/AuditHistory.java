package app.booksflow.server.load;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.server.audit.AuditTrail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Years of a practice's audit trail, for the volume profile: events spread over the clients and over
 * two years, appended through the server's own {@link AuditTrail} (COPY, the hash chain extended event by
 * event), so that the trail the load test queries is one the server wrote and {@code verify-audit} accepts.
 * The mix is a busy practice's: mostly edits of transactions, a few high-risk events.
 */
final class AuditHistory {

    static final int BATCH = 50_000;
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();
    private static final String[] PAYEES = {"Office Depot", "City Parking", "Rail Ticket Office", "Corner Cafe",
        "Printer Supplies Ltd", "Post Office", "Harbour Fuel", "Northwind Traders"};

    private AuditHistory() {
    }

    /** Appends {@code rows} events in batches of {@link #BATCH}, each batch in a transaction of its own. */
    static void append(DataSource pool, OrganizationId practice, List<ClientId> clients, List<UserId> actors, long rows,
            long seed) {
        if (rows <= 0) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        AuditTrail trail = new AuditTrail();
        long written = 0;
        while (written < rows) {
            int size = (int) Math.min(BATCH, rows - written);
            List<AuditEvent> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(event(random, practice, clients, actors));
            }
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                trail.append(connection, batch);
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Appending audit history failed after " + written + " events", e);
            }
            written += size;
            if (written % 1_000_000 == 0 || written == rows) {
                System.out.printf("Audit history: %s of %s events (%s s)%n", written, rows, (System.nanoTime() - start) / 1_000_000_000);
            }
        }
    }

    static AuditEvent event(SplittableRandom random, OrganizationId practice, List<ClientId> clients, List<UserId> actors) {
        int roll = random.nextInt(100);
        AuditAction action = roll < 50 ? AuditAction.UPDATE : roll < 80 ? AuditAction.CREATE
                : roll < 95 ? AuditAction.POST : AuditAction.DELETE;
        int risk = random.nextInt(100);
        RiskLevel level = risk < 80 ? RiskLevel.LOW : risk < 95 ? RiskLevel.MEDIUM : risk < 99 ? RiskLevel.HIGH
                : RiskLevel.CRITICAL;
        Instant at = FROM.plusSeconds(random.nextLong(SPAN_SECONDS)).plusMillis(random.nextInt(1000));
        String before = action == AuditAction.CREATE ? null : state(random);
        String after = action == AuditAction.DELETE ? null : state(random);
        return new AuditEvent(AuditEventId.random(), at, practice,
                Optional.of(actors.get(random.nextInt(actors.size()))), Optional.empty(),
                Optional.of(clients.get(random.nextInt(clients.size()))), EntityType.TRANSACTION,
                new UUID(random.nextLong(), random.nextLong()), action, Optional.ofNullable(before),
                Optional.ofNullable(after), level);
    }

    /** A transaction's state as the audit trail stores it: a few hundred bytes of JSON. */
    private static String state(SplittableRandom random) {
        long minor = random.nextLong(100, 500_000);
        return "{\"payee\":\"" + PAYEES[random.nextInt(PAYEES.length)] + "\",\"memo\":\"\",\"total\":\"-"
                + minor / 100 + "." + String.format("%02d", minor % 100) + "\",\"status\":\"POSTED\",\"splits\":[{\"amount\":\"-"
                + minor / 100 + "." + String.format("%02d", minor % 100) + "\"}]}";
    }
}
