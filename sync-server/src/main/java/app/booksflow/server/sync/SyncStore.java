package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.practice.Client;
import app.booksflow.server.accounts.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The reads the push path needs, each for a whole batch at once, locking what it will change. */
final class SyncStore {

    private final ObjectMapper json;

    SyncStore(ObjectMapper json) {
        this.json = json;
    }

    /** A client row as locked for this push, with its practice. */
    record LockedClient(Client client, OrganizationId organization) {
    }

    /** How stale a device's last-seen time may get: writing it on every push would make one user's requests queue on its row. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

    /**
     * Registers the device to the caller on first use; false when it belongs to someone else. A device
     * seen within the last minute is only read, not written: the row lock an update takes is held until
     * the push commits, and the REST calls of one user (one device) would otherwise run one at a time.
     */
    boolean claimDevice(Connection c, Caller caller, DeviceId device, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select user_id, last_seen_at from devices where id = ?")) {
            select.setObject(1, device.value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getTimestamp(2).toInstant().isAfter(now.minus(LAST_SEEN_PRECISION))) {
                    return caller.user().value().equals(row.getObject(1, UUID.class));
                }
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into devices (id, user_id, organization_id, first_seen_at, last_seen_at) values (?, ?, ?, ?, ?)
                on conflict (id) do update set last_seen_at = greatest(devices.last_seen_at, excluded.last_seen_at)
                    where devices.user_id = excluded.user_id
                returning user_id""")) {
            upsert.setObject(1, device.value());
            upsert.setObject(2, caller.user().value());
            upsert.setObject(3, caller.organization().value());
            upsert.setTimestamp(4, Timestamp.from(now));
            upsert.setTimestamp(5, Timestamp.from(now));
            try (ResultSet row = upsert.executeQuery()) {
                return row.next();
            }
        }
    }

    Map<MutationId, JsonNode> previousOutcomes(Connection c, DeviceId device, Collection<MutationId> ids)
            throws SQLException {
        Map<MutationId, JsonNode> outcomes = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select mutation_id, outcome from applied_mutations where device_id = ? and mutation_id = any(?)")) {
            select.setObject(1, device.value());
            select.setArray(2, uuids(c, ids.stream().map(MutationId::value).toList()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    outcomes.put(new MutationId(row.getObject(1, UUID.class)), parse(row.getString(2)));
                }
            }
        }
        return outcomes;
    }

    /** Locks the clients in id order (so that concurrent pushes cannot deadlock on them). */
    Map<ClientId, LockedClient> lockClients(Connection c, Collection<ClientId> ids) throws SQLException {
        Map<ClientId, LockedClient> clients = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select id, organization_id, name, base_currency, fiscal_year_start, closing_date
                from clients where id = any(?) order by id for update""")) {
            select.setArray(1, uuids(c, ids.stream().map(ClientId::value).toList()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Client client = new Client(new ClientId(row.getObject(1, UUID.class)),
                            new OrganizationId(row.getObject(2, UUID.class)), row.getString(3),
                            Currencies.of(row.getString(4)), MonthDay.parse("--" + row.getString(5)),
                            Optional.ofNullable(row.getDate(6)).map(java.sql.Date::toLocalDate));
                    clients.put(client.id(), new LockedClient(client, client.organization()));
                }
            }
        }
        return clients;
    }

    Map<UUID, EntityRow> lockEntities(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, EntityRow> rows = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select id, entity_type, client_id, version, deleted, payload
                from entities where id = any(?) order by id for update""")) {
            select.setArray(1, uuids(c, List.copyOf(ids)));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String payload = row.getString(6);
                    rows.put(row.getObject(1, UUID.class), new EntityRow(row.getObject(1, UUID.class),
                            EntityType.valueOf(row.getString(2)), new ClientId(row.getObject(3, UUID.class)),
                            row.getLong(4), row.getBoolean(5), payload == null ? null : parse(payload), payload));
                }
            }
        }
        return rows;
    }

    /** The payload an entity had at a version, as the change log keeps it (index change_log_by_entity_and_version). */
    static final String PAYLOAD_AT_VERSION =
            "select payload from change_log where entity_id = ? and version = ? and kind = 'UPSERT'";

    /** The payload the entity had at this version; empty when the log has no such version (or it was a delete). */
    Optional<JsonNode> payloadAt(Connection c, UUID entity, long version) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PAYLOAD_AT_VERSION)) {
            select.setObject(1, entity);
            select.setLong(2, version);
            try (ResultSet row = select.executeQuery()) {
                String payload = row.next() ? row.getString(1) : null;
                return payload == null ? Optional.empty() : Optional.of(parse(payload));
            }
        }
    }

    Map<AccountId, Account> accounts(Connection c, ClientId client) throws SQLException {
        Map<AccountId, Account> accounts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select id, code, name, type from accounts where client_id = ?")) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Account account = new Account(new AccountId(row.getObject(1, UUID.class)), client, row.getString(2),
                            row.getString(3), AccountType.valueOf(row.getString(4)));
                    accounts.put(account.id(), account);
                }
            }
        }
        return accounts;
    }

    Map<TaxCodeId, TaxCode> taxCodes(Connection c, ClientId client) throws SQLException {
        Map<TaxCodeId, TaxCode> codes = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select id, code, name, rate_percent, tax_account_id from tax_codes where client_id = ?")) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    TaxCode code = new TaxCode(new TaxCodeId(row.getObject(1, UUID.class)), client, row.getString(2),
                            row.getString(3), new TaxRate(row.getBigDecimal(4)),
                            new AccountId(row.getObject(5, UUID.class)));
                    codes.put(code.id(), code);
                }
            }
        }
        return codes;
    }

    /** The stored double entry of existing transactions: what their dashboards contribution was built from. */
    Map<TransactionId, List<Posting>> postings(Connection c, Collection<UUID> transactionIds,
            Map<ClientId, String> currencies) throws SQLException {
        Map<TransactionId, List<Posting>> postings = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select transaction_id, client_id, account_id, amount_minor from postings where transaction_id = any(?)")) {
            select.setArray(1, uuids(c, List.copyOf(transactionIds)));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ClientId client = new ClientId(row.getObject(2, UUID.class));
                    postings.computeIfAbsent(new TransactionId(row.getObject(1, UUID.class)), t -> new ArrayList<>())
                            .add(new Posting(new AccountId(row.getObject(3, UUID.class)),
                                    Money.ofMinor(row.getLong(4), Currencies.of(currencies.get(client)))));
                }
            }
        }
        return postings;
    }

    /** Whether the account is still referenced by the books: postings, a bank account or a tax code. */
    boolean accountInUse(Connection c, AccountId account) throws SQLException {
        return exists(c, """
                select exists (select 1 from postings where account_id = ?)
                    or exists (select 1 from transactions where bank_account_id = ?)
                    or exists (select 1 from tax_codes where tax_account_id = ?)""", account.value(), account.value(),
                account.value());
    }

    boolean hasTransactions(Connection c, ClientId client) throws SQLException {
        return exists(c, "select exists (select 1 from transactions where client_id = ?)", client.value());
    }

    private static boolean exists(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    JsonNode parse(String text) throws SQLException {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("Stored JSON is unreadable", e);
        }
    }

    static Array uuids(Connection c, List<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
