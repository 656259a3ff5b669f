package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.protocol.ChangeKind;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.sync.SyncStore.LockedClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One push as it is being decided: the state it started from (locked), updated mutation by mutation,
 * and everything to write when all mutations have their outcome.
 */
final class Batch {

    /** A change to append to a client's log; its number is handed out when the batch is written. */
    record Change(ClientId client, EntityType type, UUID entityId, ChangeKind kind, long version, String payload,
            MutationId mutation, DeviceId device) {
    }

    /** The last state of an entity in this batch; {@code value} is null when it was deleted. */
    record FinalState(EntityType type, ClientId client, Object value, long version, String payload) {
    }

    /** Income, expenses and count of posted transactions to add to a client's day. */
    record DayKey(ClientId client, LocalDate day) {
    }

    /** What a transaction contributes today: needed to take it back out exactly when it changes. */
    record Contribution(LocalDate day, List<Posting> postings) {
    }

    final Caller caller;
    final DeviceId device;
    final Instant now;
    final Map<ClientId, LockedClient> clients;
    final Map<UUID, EntityRow> entities;
    /** Entities the server had before this push: only these need updating rather than inserting. */
    final java.util.Set<UUID> existedBefore;
    final Map<ClientId, Map<AccountId, Account>> accounts = new HashMap<>();
    final Map<ClientId, Map<TaxCodeId, TaxCode>> taxCodes = new HashMap<>();
    final Map<TransactionId, Contribution> contributions;

    final Map<UUID, FinalState> finalStates = new LinkedHashMap<>();
    final List<Change> changes = new ArrayList<>();
    final Map<DayKey, long[]> dayDeltas = new LinkedHashMap<>();
    final List<AuditEvent> audit = new ArrayList<>();
    final List<ClientId> newClients = new ArrayList<>();

    Batch(Caller caller, DeviceId device, Instant now, Map<ClientId, LockedClient> clients,
            Map<UUID, EntityRow> entities, Map<TransactionId, Contribution> contributions) {
        this.caller = caller;
        this.device = device;
        this.now = now;
        this.clients = clients;
        this.entities = entities;
        this.existedBefore = java.util.Set.copyOf(entities.keySet());
        this.contributions = contributions;
    }

    Optional<LockedClient> client(ClientId id) {
        return Optional.ofNullable(clients.get(id));
    }

    /** Adds (sign 1) or takes back (sign -1) what a posted transaction contributes to its day. */
    void contribute(ClientId client, Contribution contribution, int sign) {
        Map<AccountId, Account> chart = accounts.get(client);
        long income = 0;
        long expenses = 0;
        for (Posting posting : contribution.postings()) {
            Account account = chart.get(posting.account());
            AccountType type = account == null ? null : account.type();
            if (type == AccountType.INCOME) {
                income -= posting.amount().minorUnits();
            } else if (type == AccountType.EXPENSE) {
                expenses += posting.amount().minorUnits();
            }
        }
        long[] delta = dayDeltas.computeIfAbsent(new DayKey(client, contribution.day()), k -> new long[3]);
        delta[0] = Math.addExact(delta[0], sign * income);
        delta[1] = Math.addExact(delta[1], sign * expenses);
        delta[2] += sign;
    }
}
