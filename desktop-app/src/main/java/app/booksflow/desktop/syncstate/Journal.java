package app.booksflow.desktop.syncstate;

import app.booksflow.protocol.MutationOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's answer to every mutation that left this device, one row each. */
public final class Journal {

    private Journal() {
    }

    public static void record(Connection c, Outbox.Pending sent, MutationOutcome outcome, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            bind(insert, sent, outcome, at);
            insert.executeUpdate();
        }
    }

    /** Records many answers in one JDBC batch. */
    public static void recordAll(Connection c, List<Outbox.Pending> sent, List<MutationOutcome> outcomes, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int i = 0; i < sent.size(); i++) {
                bind(insert, sent.get(i), outcomes.get(i), at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static final String INSERT = """
            insert into sync_journal (mutation_id, sequence, client_id, entity_type, entity_id, operation, outcome,
                version, code, decided_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bind(PreparedStatement insert, Outbox.Pending sent, MutationOutcome outcome, Instant at)
            throws SQLException {
        insert.setObject(1, sent.mutationId().value());
        insert.setLong(2, sent.sequence());
        insert.setObject(3, sent.client().value());
        insert.setString(4, sent.type().name());
        insert.setObject(5, sent.entityId());
        insert.setString(6, sent.operation().name());
        switch (outcome) {
            case MutationOutcome.Applied applied -> {
                insert.setString(7, "APPLIED");
                insert.setLong(8, applied.version());
                insert.setString(9, null);
            }
            case MutationOutcome.Rejected rejected -> {
                insert.setString(7, "REJECTED");
                insert.setObject(8, null);
                insert.setString(9, rejected.code());
            }
            case MutationOutcome.Conflict conflict -> {
                insert.setString(7, "CONFLICT");
                insert.setLong(8, conflict.serverVersion());
                insert.setString(9, null);
            }
        }
        insert.setTimestamp(10, Timestamp.from(at));
    }

    /** How many mutations got each outcome (APPLIED, REJECTED, CONFLICT). */
    public static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select outcome, count(*) from sync_journal group by outcome order by outcome");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }
}
