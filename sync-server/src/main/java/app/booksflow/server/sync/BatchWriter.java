package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.db.Copy;
import app.booksflow.server.sync.Batch.Change;
import app.booksflow.server.sync.Batch.Contribution;
import app.booksflow.server.sync.Batch.FinalState;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a decided batch with one batched statement per table: projections, entities, dashboard
 * deltas, the change log (numbered per client under the client's row lock), outcomes and audit.
 */
final class BatchWriter {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private final AuditTrail audit;

    BatchWriter(AuditTrail audit) {
        this.audit = audit;
    }

    void write(Connection c, Batch batch, List<PushService.OutcomeRow> outcomes) throws SQLException {
        writeClients(c, batch);
        writeAccounts(c, batch);
        writeTaxCodes(c, batch);
        writeTransactions(c, batch);
        writeReceipts(c, batch);
        writeEntities(c, batch);
        writeDayDeltas(c, batch);
        writeChanges(c, batch);
        writeOutcomes(c, batch, outcomes);
        audit.append(c, batch.audit);
    }

    private static <T> List<T> finalValues(Batch batch, Class<T> type) {
        List<T> values = new ArrayList<>();
        for (FinalState state : batch.finalStates.values()) {
            if (type.isInstance(state.value())) {
                values.add(type.cast(state.value()));
            }
        }
        return values;
    }

    private static List<UUID> deleted(Batch batch, EntityType type) {
        return batch.finalStates.entrySet().stream()
                .filter(e -> e.getValue().type() == type && e.getValue().value() == null)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static void writeClients(Connection c, Batch batch) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into clients (id, organization_id, name, base_currency, fiscal_year_start, closing_date)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id, organization_id) do update set name = excluded.name, base_currency = excluded.base_currency,
                    fiscal_year_start = excluded.fiscal_year_start, closing_date = excluded.closing_date""")) {
            for (Client client : finalValues(batch, Client.class)) {
                upsert.setObject(1, client.id().value());
                upsert.setObject(2, client.organization().value());
                upsert.setString(3, client.name());
                upsert.setString(4, client.baseCurrency().getCurrencyCode());
                upsert.setString(5, client.fiscalYearStart().format(MONTH_DAY));
                upsert.setDate(6, client.closingDate().map(Date::valueOf).orElse(null));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (batch.caller.role() == app.booksflow.model.practice.Role.ACCOUNTANT && !batch.newClients.isEmpty()) {
            try (PreparedStatement assign = c.prepareStatement(
                    "insert into client_assignments (user_id, client_id, organization_id) values (?, ?, ?) on conflict do nothing")) {
                for (ClientId client : batch.newClients) {
                    assign.setObject(1, batch.caller.user().value());
                    assign.setObject(2, client.value());
                    assign.setObject(3, batch.caller.organization().value());
                    assign.addBatch();
                }
                assign.executeBatch();
            }
        }
    }

    private static void writeAccounts(Connection c, Batch batch) throws SQLException {
        deleteAll(c, "delete from accounts where id = any(?)", deleted(batch, EntityType.ACCOUNT));
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into accounts (id, client_id, code, name, type, organization_id) values (?, ?, ?, ?, ?, ?)
                on conflict (id, organization_id) do update set code = excluded.code, name = excluded.name,
                    type = excluded.type""")) {
            for (Account account : finalValues(batch, Account.class)) {
                upsert.setObject(1, account.id().value());
                upsert.setObject(2, account.client().value());
                upsert.setString(3, account.code());
                upsert.setString(4, account.name());
                upsert.setString(5, account.type().name());
                upsert.setObject(6, batch.caller.organization().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeTaxCodes(Connection c, Batch batch) throws SQLException {
        deleteAll(c, "delete from tax_codes where id = any(?)", deleted(batch, EntityType.TAX_CODE));
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into tax_codes (id, client_id, code, name, rate_percent, tax_account_id, organization_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id, organization_id) do update set code = excluded.code, name = excluded.name,
                    rate_percent = excluded.rate_percent, tax_account_id = excluded.tax_account_id""")) {
            for (TaxCode code : finalValues(batch, TaxCode.class)) {
                upsert.setObject(1, code.id().value());
                upsert.setObject(2, code.client().value());
                upsert.setString(3, code.code());
                upsert.setString(4, code.name());
                upsert.setBigDecimal(5, code.rate().percent());
                upsert.setObject(6, code.taxAccount().value());
                upsert.setObject(7, batch.caller.organization().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** New transactions are copied in; existing ones are updated and their postings replaced. */
    private static void writeTransactions(Connection c, Batch batch) throws SQLException {
        List<UUID> replaced = new ArrayList<>();
        for (var entry : batch.finalStates.entrySet()) {
            if (entry.getValue().type() == EntityType.TRANSACTION && batch.existedBefore.contains(entry.getKey())) {
                replaced.add(entry.getKey());
            }
        }
        deleteAll(c, "delete from postings where transaction_id = any(?)", replaced);
        deleteAll(c, "delete from transactions where id = any(?)", deleted(batch, EntityType.TRANSACTION));
        Copy inserts = new Copy("transactions (id, client_id, date, payee, memo, bank_account_id, total_minor, currency, status,"
                + " organization_id)");
        Copy postings = new Copy("postings (transaction_id, client_id, account_id, amount_minor, organization_id)");
        try (PreparedStatement update = c.prepareStatement("""
                update transactions set date = ?, payee = ?, memo = ?, bank_account_id = ?, total_minor = ?,
                    currency = ?, status = ? where id = ?""")) {
            for (Transaction t : finalValues(batch, Transaction.class)) {
                if (batch.existedBefore.contains(t.id().value())) {
                    update.setDate(1, Date.valueOf(t.date()));
                    update.setString(2, t.payee());
                    update.setString(3, t.memo());
                    update.setObject(4, t.bankAccount().value());
                    update.setLong(5, t.total().minorUnits());
                    update.setString(6, t.total().currency().getCurrencyCode());
                    update.setString(7, t.status().name());
                    update.setObject(8, t.id().value());
                    update.addBatch();
                } else {
                    inserts.value(t.id()).value(t.client()).value(t.date()).value(t.payee()).value(t.memo())
                            .value(t.bankAccount()).value(t.total().minorUnits())
                            .value(t.total().currency().getCurrencyCode()).value(t.status().name())
                            .value(batch.caller.organization()).endRow();
                }
                Contribution contribution = batch.contributions.get(t.id());
                if (contribution != null) {
                    for (Posting p : contribution.postings()) {
                        postings.value(t.id()).value(t.client()).value(p.account()).value(p.amount().minorUnits())
                                .value(batch.caller.organization()).endRow();
                    }
                }
            }
            update.executeBatch();
        }
        inserts.into(c);
        postings.into(c);
    }

    private static void writeReceipts(Connection c, Batch batch) throws SQLException {
        deleteAll(c, "delete from receipts where id = any(?)", deleted(batch, EntityType.RECEIPT));
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into receipts (id, client_id, sha256, original_name, media_type, size, status, transaction_id, received_at,
                    organization_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id, organization_id) do update set sha256 = excluded.sha256, original_name = excluded.original_name,
                    media_type = excluded.media_type, size = excluded.size, status = excluded.status,
                    transaction_id = excluded.transaction_id""")) {
            for (Receipt r : finalValues(batch, Receipt.class)) {
                upsert.setObject(1, r.id().value());
                upsert.setObject(2, r.client().value());
                upsert.setString(3, r.file().sha256().hex());
                upsert.setString(4, r.file().originalName());
                upsert.setString(5, r.file().mediaType().name());
                upsert.setLong(6, r.file().size());
                upsert.setString(7, r.status().name());
                upsert.setObject(8, r.transaction().map(t -> t.value()).orElse(null));
                upsert.setTimestamp(9, Timestamp.from(r.receivedAt()));
                upsert.setObject(10, batch.caller.organization().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeEntities(Connection c, Batch batch) throws SQLException {
        Copy inserts = new Copy("entities (id, entity_type, organization_id, client_id, version, deleted, payload, updated_at)");
        try (PreparedStatement update = c.prepareStatement(
                "update entities set version = ?, deleted = ?, payload = ?, updated_at = ? where id = ?")) {
            for (var entry : batch.finalStates.entrySet()) {
                FinalState state = entry.getValue();
                if (batch.existedBefore.contains(entry.getKey())) {
                    update.setLong(1, state.version());
                    update.setBoolean(2, state.value() == null);
                    update.setString(3, state.payload());
                    update.setTimestamp(4, Timestamp.from(batch.now));
                    update.setObject(5, entry.getKey());
                    update.addBatch();
                } else {
                    inserts.value(entry.getKey()).value(state.type().name()).value(batch.caller.organization())
                            .value(state.client()).value(state.version()).value(state.value() == null ? "t" : "f")
                            .value(state.payload()).value(batch.now).endRow();
                }
            }
            update.executeBatch();
        }
        inserts.into(c);
    }

    private static void writeDayDeltas(Connection c, Batch batch) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into daily_metrics (client_id, day, income_minor, expense_minor, transaction_count, organization_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict (client_id, day, organization_id) do update set
                    income_minor = daily_metrics.income_minor + excluded.income_minor,
                    expense_minor = daily_metrics.expense_minor + excluded.expense_minor,
                    transaction_count = daily_metrics.transaction_count + excluded.transaction_count""")) {
            for (var entry : batch.dayDeltas.entrySet()) {
                long[] delta = entry.getValue();
                if (delta[0] == 0 && delta[1] == 0 && delta[2] == 0) {
                    continue;
                }
                upsert.setObject(1, entry.getKey().client().value());
                upsert.setDate(2, Date.valueOf(entry.getKey().day()));
                upsert.setLong(3, delta[0]);
                upsert.setLong(4, delta[1]);
                upsert.setLong(5, delta[2]);
                upsert.setObject(6, batch.caller.organization().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Numbers each client's changes while holding the client's row lock: the cursor can never skip one. */
    private static void writeChanges(Connection c, Batch batch) throws SQLException {
        Map<ClientId, List<Change>> byClient = new LinkedHashMap<>();
        for (Change change : batch.changes) {
            byClient.computeIfAbsent(change.client(), k -> new ArrayList<>()).add(change);
        }
        Copy log = new Copy("change_log (client_id, seq, entity_type, entity_id, kind, version, payload, mutation_id, "
                + "device_id, committed_at, organization_id)");
        try (PreparedStatement reserve = c.prepareStatement(
                "update clients set change_seq = change_seq + ? where id = ? returning change_seq")) {
            for (var entry : byClient.entrySet()) {
                List<Change> changes = entry.getValue();
                reserve.setLong(1, changes.size());
                reserve.setObject(2, entry.getKey().value());
                long last;
                try (ResultSet row = reserve.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("Client " + entry.getKey() + " vanished during a push");
                    }
                    last = row.getLong(1);
                }
                long seq = last - changes.size();
                for (Change change : changes) {
                    log.value(change.client()).value(++seq).value(change.type().name()).value(change.entityId())
                            .value(change.kind().name()).value(change.version()).value(change.payload())
                            .value(change.mutation()).value(change.device()).value(batch.now)
                            .value(batch.caller.organization()).endRow();
                }
            }
        }
        log.into(c);
    }

    private static void writeOutcomes(Connection c, Batch batch, List<PushService.OutcomeRow> outcomes)
            throws SQLException {
        Copy copy = new Copy("applied_mutations (device_id, mutation_id, client_id, user_id, outcome, received_at,"
                + " organization_id)");
        for (PushService.OutcomeRow row : outcomes) {
            copy.value(batch.device).value(row.mutation()).value(row.client()).value(batch.caller.user())
                    .value(row.outcome()).value(batch.now).value(batch.caller.organization()).endRow();
        }
        copy.into(c);
    }

    private static void deleteAll(Connection c, String sql, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setArray(1, SyncStore.uuids(c, ids));
            delete.executeUpdate();
        }
    }
}
