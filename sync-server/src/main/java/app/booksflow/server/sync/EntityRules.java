package app.booksflow.server.sync;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Role;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.RejectionCodes;
import app.booksflow.server.sync.Batch.Contribution;
import app.booksflow.server.sync.SyncStore.LockedClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of the books for each kind of entity a device may send: the payload must be a valid
 * entity of the mutation's client, refer only to that client's accounts and tax codes, and leave
 * closed periods alone. Each check that fails names what is wrong in words the accountant knows.
 */
final class EntityRules {

    private final ObjectMapper json;
    private final SyncStore store;

    EntityRules(ObjectMapper json, SyncStore store) {
        this.json = json;
        this.store = store;
    }

    /** Checks the new state and updates the batch's view (charts, dashboards); returns the entity. */
    Object upsert(Connection c, Batch batch, Mutation m, EntityRow existing) throws Rejection, SQLException {
        return switch (m.entityType()) {
            case CLIENT -> upsertClient(c, batch, m, read(m, Client.class));
            case ACCOUNT -> upsertAccount(c, batch, m, read(m, Account.class), existing);
            case TAX_CODE -> upsertTaxCode(c, batch, m, read(m, TaxCode.class));
            case TRANSACTION -> upsertTransaction(c, batch, m, read(m, Transaction.class), existing);
            case RECEIPT -> upsertReceipt(batch, m, read(m, Receipt.class));
            case ORGANIZATION, USER, CLIENT_ASSIGNMENT -> throw managedByAdmins(m.entityType());
        };
    }

    void delete(Connection c, Batch batch, Mutation m, EntityRow existing) throws Rejection, SQLException {
        switch (m.entityType()) {
            case CLIENT -> throw new Rejection(DomainError.INVALID_STATE.name(),
                    "A client's books cannot be deleted by sync; an admin archives the client on the server.");
            case ACCOUNT -> {
                if (store.accountInUse(c, new AccountId(m.entityId())) || isReferencedInBatch(batch, m)) {
                    throw new Rejection(DomainError.INVALID_STATE.name(), "The account is used by transactions or "
                            + "tax codes and cannot be deleted; rename it or stop using it instead.");
                }
                chart(c, batch, m.clientId()).remove(new AccountId(m.entityId()));
            }
            case TAX_CODE -> taxCodes(c, batch, m.clientId()).remove(new TaxCodeId(m.entityId()));
            case TRANSACTION -> {
                Transaction old = readExisting(existing, Transaction.class);
                requireOpen(batch, m.clientId(), old);
                chart(c, batch, m.clientId());
                takeBack(batch, m.clientId(), old.id());
            }
            case RECEIPT -> {
                // Receipts may be removed; the file stays in the store for other receipts that share it.
            }
            case ORGANIZATION, USER, CLIENT_ASSIGNMENT -> throw managedByAdmins(m.entityType());
        }
    }

    private Object upsertClient(Connection c, Batch batch, Mutation m, Client client) throws Rejection, SQLException {
        requireSameId(m, client.id().value());
        if (!client.organization().equals(batch.caller.organization())) {
            throw new Rejection(RejectionCodes.WRONG_CLIENT, "The client belongs to another practice.");
        }
        LockedClient current = batch.clients.get(client.id());
        if (current != null && !current.client().baseCurrency().equals(client.baseCurrency())
                && store.hasTransactions(c, client.id())) {
            throw new Rejection(DomainError.INVALID_STATE.name(), "The books of " + client.name() + " already hold "
                    + "transactions in " + current.client().baseCurrency() + "; the base currency cannot change.");
        }
        if (current == null) {
            batch.newClients.add(client.id());
        }
        batch.clients.put(client.id(), new LockedClient(client, client.organization()));
        return client;
    }

    private Object upsertAccount(Connection c, Batch batch, Mutation m, Account account, EntityRow existing)
            throws Rejection, SQLException {
        requireSameId(m, account.id().value());
        requireSameClient(m, account.client());
        Map<AccountId, Account> chart = chart(c, batch, m.clientId());
        for (Account other : chart.values()) {
            if (!other.id().equals(account.id()) && other.code().equals(account.code())) {
                throw new Rejection(DomainError.DUPLICATE.name(), "Account code " + account.code()
                        + " is already used by '" + other.name() + "'.");
            }
        }
        Account before = chart.get(account.id());
        if (existing != null && before != null && before.type() != account.type()
                && store.accountInUse(c, account.id())) {
            throw new Rejection(DomainError.INVALID_STATE.name(), "Account " + before + " has postings; its type "
                    + "cannot change from " + before.type() + " to " + account.type() + ".");
        }
        chart.put(account.id(), account);
        return account;
    }

    private Object upsertTaxCode(Connection c, Batch batch, Mutation m, TaxCode code) throws Rejection, SQLException {
        requireSameId(m, code.id().value());
        requireSameClient(m, code.client());
        requireAccount(c, batch, m.clientId(), code.taxAccount(), "tax account");
        taxCodes(c, batch, m.clientId()).put(code.id(), code);
        return code;
    }

    private Object upsertTransaction(Connection c, Batch batch, Mutation m, Transaction transaction,
            EntityRow existing) throws Rejection, SQLException {
        requireSameId(m, transaction.id().value());
        requireSameClient(m, transaction.client());
        Client client = batch.clients.get(m.clientId()).client();
        if (!transaction.total().currency().equals(client.baseCurrency())) {
            throw new Rejection(DomainError.CURRENCY_MISMATCH.name(), "The books of " + client.name() + " are kept in "
                    + client.baseCurrency() + "; the transaction is in " + transaction.total().currency()
                    + ". Convert it at the bank's rate first.");
        }
        requireOpen(batch, m.clientId(), transaction);
        if (existing != null) {
            requireOpen(batch, m.clientId(), readExisting(existing, Transaction.class));
        }
        requireAccount(c, batch, m.clientId(), transaction.bankAccount(), "bank account");
        Map<TaxCodeId, TaxCode> codes = taxCodes(c, batch, m.clientId());
        for (Split split : transaction.splits()) {
            requireAccount(c, batch, m.clientId(), split.account(), "account");
            if (split.taxCode().isPresent() && !codes.containsKey(split.taxCode().get())) {
                throw new Rejection(DomainError.INVALID_STATE.name(), "Tax code " + split.taxCode().get()
                        + " is not one of this client's tax codes.");
            }
        }
        takeBack(batch, m.clientId(), transaction.id());
        if (transaction.isPosted()) {
            Contribution contribution = new Contribution(transaction.date(), transaction.postings(codes::get));
            batch.contribute(m.clientId(), contribution, 1);
            batch.contributions.put(transaction.id(), contribution);
        }
        return transaction;
    }

    private Object upsertReceipt(Batch batch, Mutation m, Receipt receipt) throws Rejection {
        requireSameId(m, receipt.id().value());
        requireSameClient(m, receipt.client());
        if (receipt.transaction().isPresent()) {
            EntityRow linked = batch.entities.get(receipt.transaction().get().value());
            if (linked == null || linked.deleted() || linked.type() != EntityType.TRANSACTION
                    || !linked.client().equals(m.clientId())) {
                throw new Rejection(RejectionCodes.NOT_FOUND, "The receipt is linked to transaction "
                        + receipt.transaction().get() + ", which this client does not have.");
            }
        }
        return receipt;
    }

    /** The transaction a receipt mutation links to, read leniently: a bad payload is rejected later, with its reason. */
    static Optional<UUID> linkedTransaction(Mutation m) {
        String linked = m.entityType() == EntityType.RECEIPT && m.payload() != null
                ? m.payload().path("transaction").asText("") : "";
        try {
            return linked.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(linked));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Removes what the transaction contributed before this change (if it was posted). */
    private static void takeBack(Batch batch, ClientId client, TransactionId transaction) {
        Contribution previous = batch.contributions.remove(transaction);
        if (previous != null) {
            batch.contribute(client, previous, -1);
        }
    }

    private static void requireOpen(Batch batch, ClientId clientId, Transaction transaction) throws Rejection {
        try {
            batch.clients.get(clientId).client().requireOpen(transaction.date());
        } catch (DomainException e) {
            throw new Rejection(e.code(), e.getMessage());
        }
    }

    private void requireAccount(Connection c, Batch batch, ClientId client, AccountId account, String what)
            throws Rejection, SQLException {
        if (!chart(c, batch, client).containsKey(account)) {
            throw new Rejection(DomainError.INVALID_STATE.name(), "The " + what + " " + account
                    + " is not in this client's chart of accounts.");
        }
    }

    private static boolean isReferencedInBatch(Batch batch, Mutation m) {
        return batch.finalStates.values().stream()
                .filter(state -> state.value() instanceof Transaction)
                .map(state -> (Transaction) state.value())
                .anyMatch(t -> t.bankAccount().value().equals(m.entityId())
                        || t.splits().stream().anyMatch(s -> s.account().value().equals(m.entityId())));
    }

    Map<AccountId, Account> chart(Connection c, Batch batch, ClientId client) throws SQLException {
        Map<AccountId, Account> chart = batch.accounts.get(client);
        if (chart == null) {
            chart = store.accounts(c, client);
            batch.accounts.put(client, chart);
        }
        return chart;
    }

    private Map<TaxCodeId, TaxCode> taxCodes(Connection c, Batch batch, ClientId client) throws SQLException {
        Map<TaxCodeId, TaxCode> codes = batch.taxCodes.get(client);
        if (codes == null) {
            codes = store.taxCodes(c, client);
            batch.taxCodes.put(client, codes);
        }
        return codes;
    }

    private <T> T read(Mutation m, Class<T> type) throws Rejection {
        return read(m.entityType(), m.payload(), type);
    }

    /** Reads a payload as the entity; what does not read is refused with the reason. */
    <T> T read(EntityType entityType, JsonNode payload, Class<T> type) throws Rejection {
        try {
            return json.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            DomainException domain = domainCause(e);
            if (domain != null) {
                throw new Rejection(domain.code(), domain.getMessage());
            }
            throw new Rejection(RejectionCodes.INVALID_PAYLOAD, "The " + entityType.name().toLowerCase()
                    .replace('_', ' ') + " could not be read: " + e.getOriginalMessage());
        }
    }

    private <T> T readExisting(EntityRow row, Class<T> type) {
        try {
            return json.treeToValue(row.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + row.type() + " " + row.id() + " is unreadable", e);
        }
    }

    static DomainException domainCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private static void requireSameId(Mutation m, Object payloadId) throws Rejection {
        if (!Objects.equals(m.entityId(), payloadId)) {
            throw new Rejection(RejectionCodes.INVALID_PAYLOAD,
                    "The payload describes " + payloadId + " but the mutation is for " + m.entityId() + ".");
        }
    }

    private static void requireSameClient(Mutation m, ClientId payloadClient) throws Rejection {
        if (!m.clientId().equals(payloadClient)) {
            throw new Rejection(RejectionCodes.WRONG_CLIENT,
                    "The payload belongs to another client than the mutation names.");
        }
    }

    private static Rejection managedByAdmins(EntityType type) {
        return new Rejection(RejectionCodes.PERMISSION_DENIED,
                "Records of type " + type + " are managed by the practice's admins on the server, not by sync.");
    }

    static boolean mayWrite(Role role, EntityType type) {
        return role != Role.CLIENT || type == EntityType.RECEIPT;
    }
}
