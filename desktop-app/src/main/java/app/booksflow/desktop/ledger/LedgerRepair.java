package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.dashboard.DashboardRebuilder;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.desktop.syncstate.ServerState;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks the ledger of books that were not closed the last time (a crash, a kill, a power cut) and
 * repairs what the stop broke (ADR 0038). A transaction's row and its splits commit together, yet the
 * campaign that kills the app during large loads once found a transaction without its splits afterwards
 * (docs/RELIABILITY.md). Such a transaction cannot be shown, edited or synced, and its money is missing
 * from the books' totals, so it is looked for after every unclean stop: one that has no splits, or whose
 * splits no longer add up to its total.
 *
 * <p>A broken transaction is put back from the best copy these books hold: its change waiting for the
 * server (the latest state made here), else the server's state as last synced. With neither, the
 * transaction was never anywhere else and cannot be rebuilt: it is removed, and what was left of it is
 * kept in the audit event that says so. The dashboards are then rebuilt from the repaired ledger. Nothing
 * is sent to the server: the copies it is repaired from are already on their way there or came from it.
 */
public final class LedgerRepair {

    /** The copy a broken transaction was repaired from. */
    public enum Source {
        /** Its change waiting for the server: the state last made on this device. */
        OUTBOX,
        /** The server's state, as last synced. */
        SERVER,
        /** None: the transaction was only ever on this device. */
        NONE
    }

    /**
     * A transaction found broken, as its row was, and how it was repaired: put back from the copy, or removed
     * (no copy, or the copy says it was deleted) with its remains in the audit trail.
     */
    public record Repaired(TransactionId id, ClientId client, LocalDate date, String payee, long totalMinor,
            String currency, int splitsLeft, Source source, boolean removed) {
    }

    /** What a check found: how many transactions it read, and those it repaired. */
    public record Report(long checked, List<Repaired> repaired) {

        public Report {
            repaired = List.copyOf(repaired);
        }

        public boolean whole() {
            return repaired.isEmpty();
        }

        /** One sentence for the user, or the empty string when the books were whole. */
        public String summary() {
            if (whole()) {
                return "";
            }
            long restored = repaired.stream().filter(r -> !r.removed()).count();
            long removed = repaired.size() - restored;
            StringBuilder text = new StringBuilder("BooksFlow was not closed properly the last time, and ")
                    .append(count(repaired.size(), "transaction")).append(" had lost lines.");
            if (restored > 0) {
                text.append(' ').append(restored).append(restored == 1 ? " was" : " were")
                        .append(" put back from the copy kept for sync.");
            }
            if (removed > 0) {
                text.append(' ').append(removed).append(removed == 1 ? " was" : " were")
                        .append(" removed, with no copy to put ").append(removed == 1 ? "it" : "them")
                        .append(" back from; what was left is in the audit trail: ");
                text.append(String.join("; ", repaired.stream().filter(Repaired::removed).limit(5)
                        .map(r -> r.date() + " " + r.payee()).toList()));
                text.append(removed > 5 ? "; ..." : "").append('.');
            }
            return text.append(" The dashboards were rebuilt.").toString();
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    static final String USER = "BooksFlow check";
    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static final String BROKEN = """
            select t.id, t.client_id, t.date, t.payee, t.total_minor, t.currency, coalesce(s.lines, 0)
            from transactions t
            left join (select transaction_id, count(*) lines, sum(amount_minor) amount from splits group by transaction_id) s
                on s.transaction_id = t.id
            where s.lines is null or s.amount <> t.total_minor
            """;

    private final Writes writes;

    LedgerRepair(Writes writes) {
        this.writes = writes;
    }

    /** Checks every transaction and repairs the broken ones in one write; see the class comment. */
    public Report checkAndRepair() {
        return writes.runUnsent(USER, context -> context.session().doReturningWork(c -> {
            long checked = count(c);
            List<Repaired> repaired = new ArrayList<>();
            for (Repaired found : broken(c)) {
                repaired.add(repair(context, c, found));
            }
            if (!repaired.isEmpty()) {
                context.session().flush();
                DashboardRebuilder.rebuild(context.session());
            }
            return new Report(checked, repaired);
        }));
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select count(*) from transactions");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Repaired> broken(Connection c) throws SQLException {
        List<Repaired> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(BROKEN); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                found.add(new Repaired(new TransactionId(row.getObject(1, UUID.class)),
                        new ClientId(row.getObject(2, UUID.class)), row.getObject(3, LocalDate.class), row.getString(4),
                        row.getLong(5), row.getString(6), row.getInt(7), Source.NONE, false));
            }
        }
        return found;
    }

    private static Repaired repair(WriteContext context, Connection c, Repaired broken) throws SQLException {
        UUID id = broken.id().value();
        ObjectNode remains = remains(c, broken);
        List<Outbox.Pending> waiting = Outbox.pendingOf(c, id);
        Optional<String> copy;
        Source source;
        if (!waiting.isEmpty()) {
            copy = Optional.ofNullable(waiting.get(waiting.size() - 1).payload());
            source = Source.OUTBOX;
        } else {
            Optional<ServerState> server = ServerState.find(c, id);
            copy = server.filter(s -> !s.deleted()).map(ServerState::payload);
            source = server.isPresent() ? Source.SERVER : Source.NONE;
        }
        TransactionEntity entity = context.session().find(TransactionEntity.class, id);
        Optional<Transaction> restored = copy.map(LedgerRepair::read).filter(t -> t.id().equals(broken.id()));
        if (restored.isPresent()) {
            entity.update(restored.get(), TransactionWrites.mainAccountName(context, restored.get()));
            context.search().put(restored.get());
            context.audit(AuditEntry.of(broken.client(), EntityType.TRANSACTION, id, AuditAction.UPDATE, remains,
                    restored.get(), RiskLevel.HIGH, "Put back after an unclean stop, from the "
                            + (source == Source.OUTBOX ? "change waiting for the server" : "server's copy")
                            + ": the books had " + describe(broken)));
            return repaired(broken, source, false);
        }
        context.session().createNativeMutationQuery("update receipts set transaction_id = null where transaction_id = :id")
                .setParameter("id", id).executeUpdate();
        context.search().remove(broken.id());
        context.session().remove(entity);
        String why = source == Source.NONE ? "no copy to put it back from"
                : copy.isEmpty() ? "the copy kept for sync deletes it" : "the copy kept for sync could not be read";
        context.audit(AuditEntry.of(broken.client(), EntityType.TRANSACTION, id, AuditAction.DELETE, remains, null,
                RiskLevel.HIGH, "Removed after an unclean stop: " + why + ", the books had " + describe(broken)));
        return repaired(broken, source, true);
    }

    private static Repaired repaired(Repaired broken, Source source, boolean removed) {
        return new Repaired(broken.id(), broken.client(), broken.date(), broken.payee(), broken.totalMinor(),
                broken.currency(), broken.splitsLeft(), source, removed);
    }

    private static String describe(Repaired broken) {
        return broken.splitsLeft() == 0 ? "none of its lines" : "only " + broken.splitsLeft() + " of its lines";
    }

    /** What is left of the broken transaction, for the audit trail. */
    private static ObjectNode remains(Connection c, Repaired broken) throws SQLException {
        ObjectNode node = JSON.createObjectNode();
        try (PreparedStatement select = c.prepareStatement(
                "select date, payee, memo, bank_account_id, total_minor, currency, status from transactions where id = ?")) {
            select.setObject(1, broken.id().value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                node.put("id", broken.id().value().toString()).put("date", row.getObject(1, LocalDate.class).toString())
                        .put("payee", row.getString(2)).put("memo", row.getString(3))
                        .put("bankAccount", row.getObject(4, UUID.class).toString())
                        .put("totalMinor", row.getLong(5)).put("currency", row.getString(6)).put("status", row.getString(7));
            }
        }
        ArrayNode lines = node.putArray("splitsLeft");
        try (PreparedStatement select = c.prepareStatement(
                "select line_no, account_id, amount_minor, currency, memo from splits where transaction_id = ? order by line_no")) {
            select.setObject(1, broken.id().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.addObject().put("line", row.getInt(1)).put("account", row.getObject(2, UUID.class).toString())
                            .put("amountMinor", row.getLong(3)).put("currency", row.getString(4)).put("memo", row.getString(5));
                }
            }
        }
        return node;
    }

    private static Transaction read(String payload) {
        try {
            return JSON.readValue(payload, Transaction.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return null; // an unreadable copy is no copy: the transaction is removed, its remains audited
        }
    }
}
