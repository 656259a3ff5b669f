package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.ChangeKind;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.MutationOutcome;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PushRequest;
import app.booksflow.protocol.PushResponse;
import app.booksflow.protocol.RejectionCodes;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.audit.RiskRules;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.Batch.Contribution;
import app.booksflow.server.sync.Batch.FinalState;
import app.booksflow.server.sync.MasterDataMerge.Merge;
import app.booksflow.server.sync.SyncStore.LockedClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Applies a device's push. Every mutation gets exactly one outcome, decided in device order against
 * the state left by the ones before it; the first outcome of a (device, mutation) is stored and
 * answered again for every repeat, which changes nothing. Everything a batch does (entities,
 * projections, dashboards, change log, outcomes, audit trail) commits in one database transaction.
 */
public final class PushService {

    /** An outcome to store for a mutation seen for the first time. */
    record OutcomeRow(MutationId mutation, ClientId client, String outcome) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final Clock clock;
    private final SyncStore store;
    private final EntityRules rules;
    private final BatchWriter writer;
    private final MasterDataMerge merges;
    private final ChangeNotifier notifier;

    public PushService(Db db, ObjectMapper json, Clock clock, AuditTrail audit, ChangeNotifier notifier) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.store = new SyncStore(json);
        this.rules = new EntityRules(json, store);
        this.writer = new BatchWriter(audit);
        this.merges = new MasterDataMerge(json, store, rules);
        this.notifier = notifier;
    }

    public PushResponse push(Caller caller, PushRequest request) {
        Set<ClientId> changed = new LinkedHashSet<>();
        List<MutationOutcome> outcomes = db.inTransaction("push", c -> {
            changed.clear();
            return apply(c, caller, request, changed);
        });
        notifier.changed(changed);
        return PushResponse.of(outcomes);
    }

    private List<MutationOutcome> apply(Connection c, Caller caller, PushRequest request, Set<ClientId> changed)
            throws SQLException {
        var now = clock.instant();
        if (!store.claimDevice(c, caller, request.deviceId(), now)) {
            throw ApiException.forbidden("This device is registered to another user; sign in on it as that user.");
        }
        List<Mutation> mutations = request.mutations();
        Map<MutationId, JsonNode> previous = store.previousOutcomes(c, request.deviceId(),
                mutations.stream().map(Mutation::mutationId).toList());
        List<Mutation> fresh = mutations.stream().filter(m -> !previous.containsKey(m.mutationId())).toList();

        Map<ClientId, LockedClient> clients = store.lockClients(c, fresh.stream().map(Mutation::clientId).distinct().toList());
        // Also the transactions receipts link to: the rule checks them, and the lock keeps them until commit.
        Map<UUID, EntityRow> entities = store.lockEntities(c, fresh.stream().flatMap(m -> Stream.concat(
                Stream.of(m.entityId()), EntityRules.linkedTransaction(m).stream())).distinct().toList());
        Batch batch = new Batch(caller, request.deviceId(), now, clients, entities, contributions(c, entities, clients));

        List<MutationOutcome> outcomes = new ArrayList<>(mutations.size());
        List<OutcomeRow> rows = new ArrayList<>();
        Map<MutationId, MutationOutcome> decided = new HashMap<>();
        for (Mutation m : mutations) {
            MutationOutcome outcome;
            if (previous.containsKey(m.mutationId())) {
                outcome = readOutcome(previous.get(m.mutationId()));
            } else if (decided.containsKey(m.mutationId())) {
                outcome = decided.get(m.mutationId());
            } else {
                outcome = decide(c, batch, m);
                decided.put(m.mutationId(), outcome);
                rows.add(new OutcomeRow(m.mutationId(), m.clientId(), outcomeJson(outcome)));
                if (outcome instanceof MutationOutcome.Applied) {
                    changed.add(m.clientId());
                }
            }
            outcomes.add(outcome);
        }
        writer.write(c, batch, rows);
        return outcomes;
    }

    private MutationOutcome decide(Connection c, Batch batch, Mutation m) throws SQLException {
        Merge merge = null;
        try {
            requireAccess(batch, m);
            EntityRow existing = batch.entities.get(m.entityId());
            if (existing != null && (!existing.client().equals(m.clientId()) || existing.type() != m.entityType())) {
                throw new Rejection(RejectionCodes.INVALID_PAYLOAD, "The id " + m.entityId() + " cannot be used for this "
                        + m.entityType().name().toLowerCase().replace('_', ' ') + ".");
            }
            Optional<MutationOutcome> conflict = versionConflict(m, existing);
            if (conflict.isPresent() && MasterDataMerge.applies(m, existing)) {
                merge = merges.merge(c, batch, m, existing).orElse(null);
            }
            if (conflict.isPresent() && merge == null) {
                audit(batch, m, AuditAction.SYNC_CONFLICT, existing == null ? null : existing.payloadText(),
                        m.payload() == null ? null : m.payload().toString(), false, false);
                return conflict.get();
            }
            Mutation change = merge == null ? m : merged(m, merge);
            long version = existing == null ? 1 : existing.version() + 1;
            if (change.operation() == Operation.DELETE) {
                rules.delete(c, batch, change, existing);
                record(batch, change, null, null, version, existing);
            } else {
                Object entity = rules.upsert(c, batch, change, existing);
                record(batch, change, entity, json.valueToTree(entity), version, existing);
                if (merge != null) {
                    audit(batch, m, AuditAction.CONFLICT_RESOLVED, merge.basePayload(),
                            resolution(m, merge, version).toString(), false, false);
                }
            }
            return new MutationOutcome.Applied(m.mutationId(), version);
        } catch (Rejection rejection) {
            audit(batch, m, AuditAction.SYNC_REJECTED, null, rejectionState(m, merge, rejection).toString(), false, false);
            return new MutationOutcome.Rejected(m.mutationId(), rejection.code(), rejection.getMessage());
        }
    }

    /** The device's mutation with the merged payload, made on the server's current version. */
    private static Mutation merged(Mutation sent, Merge merge) {
        return new Mutation(sent.mutationId(), sent.deviceId(), sent.deviceSequence(), sent.clientId(),
                sent.entityType(), sent.entityId(), Operation.UPSERT, merge.serverVersion(), merge.merged(),
                sent.deviceTime());
    }

    /** How a merge resolved the concurrent change, for the audit trail: from which base, which fields, what was sent. */
    private JsonNode resolution(Mutation sent, Merge merge, long version) {
        var node = json.createObjectNode()
                .put("resolution", "MERGED_FIELDS")
                .put("baseVersion", merge.baseVersion())
                .put("serverVersion", merge.serverVersion())
                .put("version", version);
        merge.changed().forEach(node.putArray("changedFields")::add);
        merge.overwritten().forEach(node.putArray("overwrittenFields")::add);
        node.set("sent", sent.payload());
        return node;
    }

    private void requireAccess(Batch batch, Mutation m) throws Rejection {
        Caller caller = batch.caller;
        Optional<LockedClient> client = batch.client(m.clientId());
        boolean creatingClient = m.entityType() == EntityType.CLIENT && client.isEmpty();
        if (creatingClient) {
            if (!m.entityId().equals(m.clientId().value())) {
                throw new Rejection(RejectionCodes.WRONG_CLIENT, "A new client's mutation must name the client itself.");
            }
            if (caller.role() == app.booksflow.model.practice.Role.CLIENT) {
                throw new Rejection(RejectionCodes.PERMISSION_DENIED, "Only admins and accountants may add clients.");
            }
            return;
        }
        if (client.isEmpty() || !client.get().organization().equals(caller.organization())) {
            throw new Rejection(RejectionCodes.NOT_FOUND, "Client " + m.clientId() + " was not found.");
        }
        if (!caller.mayAccess(m.clientId()) && !batch.newClients.contains(m.clientId())) {
            throw new Rejection(RejectionCodes.PERMISSION_DENIED, "You are not assigned to client " + m.clientId() + ".");
        }
        if (!EntityRules.mayWrite(caller.role(), m.entityType())) {
            throw new Rejection(RejectionCodes.PERMISSION_DENIED, "Client users may only send receipts.");
        }
    }

    /**
     * The optimistic check: the device must have based its change on the server's current version. An
     * update of master data on an older version is merged instead when its base is known (ADR 0027).
     */
    private static Optional<MutationOutcome> versionConflict(Mutation m, EntityRow existing) throws Rejection {
        if (existing == null) {
            if (m.operation() == Operation.DELETE || m.baseVersion() != 0) {
                throw new Rejection(RejectionCodes.NOT_FOUND, "The server has no " + m.entityType().name()
                        .toLowerCase().replace('_', ' ') + " " + m.entityId() + " to change.");
            }
            return Optional.empty();
        }
        if (existing.deleted()) {
            return Optional.of(new MutationOutcome.Conflict(m.mutationId(), existing.version(), true, null));
        }
        if (existing.version() != m.baseVersion()) {
            return Optional.of(new MutationOutcome.Conflict(m.mutationId(), existing.version(), false, existing.payload()));
        }
        return Optional.empty();
    }

    private void record(Batch batch, Mutation m, Object entity, JsonNode payload, long version, EntityRow existing) {
        String text = payload == null ? null : payload.toString(); // serialized once, stored and served as is
        batch.entities.put(m.entityId(), new EntityRow(m.entityId(), m.entityType(), m.clientId(), version,
                entity == null, payload, text));
        batch.finalStates.put(m.entityId(), new FinalState(m.entityType(), m.clientId(), entity, version, text));
        batch.changes.add(new Batch.Change(m.clientId(), m.entityType(), m.entityId(),
                entity == null ? ChangeKind.TOMBSTONE : ChangeKind.UPSERT, version, text, m.mutationId(), batch.device));
        JsonNode before = existing == null ? null : existing.payload();
        AuditAction action = entity == null ? AuditAction.DELETE : existing == null ? AuditAction.CREATE : AuditAction.UPDATE;
        boolean postedBefore = before != null && "POSTED".equals(before.path("status").asText());
        boolean amountChanged = before != null && payload != null
                && !(Objects.equals(before.get("total"), payload.get("total"))
                        && Objects.equals(before.get("splits"), payload.get("splits")));
        if (entity instanceof Transaction t && t.isPosted() && !postedBefore && existing != null) {
            action = AuditAction.POST;
        }
        if (entity instanceof Client client && before != null) {
            action = closingDateAction(before, client).orElse(action);
        }
        audit(batch, m, action, existing == null ? null : existing.payloadText(), text, postedBefore, amountChanged);
    }

    private static Optional<AuditAction> closingDateAction(JsonNode before, Client client) {
        String previous = before.path("closingDate").asText(null);
        String next = client.closingDate().map(Object::toString).orElse(null);
        if (Objects.equals(previous, next)) {
            return Optional.empty();
        }
        boolean later = previous == null || (next != null && next.compareTo(previous) > 0);
        return Optional.of(later ? AuditAction.CLOSE_PERIOD : AuditAction.REOPEN_PERIOD);
    }

    private void audit(Batch batch, Mutation m, AuditAction action, String before, String after,
            boolean postedBefore, boolean amountChanged) {
        RiskLevel risk = RiskRules.of(action, postedBefore, amountChanged);
        batch.audit.add(new AuditEvent(AuditEventId.random(), batch.now, batch.caller.organization(),
                Optional.of(batch.caller.user()), Optional.of(batch.device), Optional.of(m.clientId()), m.entityType(),
                m.entityId(), action, Optional.ofNullable(before), Optional.ofNullable(after), risk));
    }

    private JsonNode rejectionState(Mutation m, Merge merge, Rejection rejection) {
        var node = json.createObjectNode().put("code", rejection.code()).put("message", rejection.getMessage());
        if (m.payload() != null) {
            node.set("attempted", m.payload());
        }
        if (merge != null) {
            node.put("mergedFromBaseVersion", merge.baseVersion()).put("serverVersion", merge.serverVersion());
            node.set("merged", merge.merged());
        }
        return node;
    }

    /** What the existing posted transactions of this push contributed to their clients' dashboards. */
    private Map<TransactionId, Contribution> contributions(Connection c, Map<UUID, EntityRow> entities,
            Map<ClientId, LockedClient> clients) throws SQLException {
        List<UUID> transactions = entities.values().stream()
                .filter(e -> e.type() == EntityType.TRANSACTION && !e.deleted())
                .map(EntityRow::id).toList();
        Map<TransactionId, Contribution> result = new HashMap<>();
        if (transactions.isEmpty()) {
            return result;
        }
        Map<ClientId, String> currencies = new HashMap<>();
        clients.forEach((id, client) -> currencies.put(id, client.client().baseCurrency().getCurrencyCode()));
        var postings = store.postings(c, transactions, currencies);
        for (UUID id : transactions) {
            EntityRow row = entities.get(id);
            if ("POSTED".equals(row.payload().path("status").asText()) && currencies.containsKey(row.client())) {
                result.put(new TransactionId(id), new Contribution(
                        java.time.LocalDate.parse(row.payload().path("date").asText()),
                        postings.getOrDefault(new TransactionId(id), List.of())));
            }
        }
        return result;
    }

    private String outcomeJson(MutationOutcome outcome) {
        try {
            return json.writerFor(MutationOutcome.class).writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outcome cannot be written", e);
        }
    }

    private MutationOutcome readOutcome(JsonNode stored) {
        try {
            return json.treeToValue(stored, MutationOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored outcome is unreadable", e);
        }
    }
}
