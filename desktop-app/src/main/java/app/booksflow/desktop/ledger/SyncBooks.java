package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LedgerBatch;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.desktop.syncstate.Cursors;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.syncstate.Inbox;
import app.booksflow.desktop.syncstate.Journal;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.desktop.syncstate.ServerState;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.protocol.Change;
import app.booksflow.protocol.ChangeKind;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.MutationOutcome;
import app.booksflow.protocol.Operation;
import app.booksflow.protocol.PullResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeMap;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hibernate.Session;

/**
 * The books' side of sync: signing in, the outbox's batches, the server's answers and pulled changes,
 * each applied in one transaction of the books together with the sync state it moves (decision 28).
 * Pulled changes go through the same dashboards and search as local writes, without this device's
 * checks (the server has decided) and without going back into the outbox.
 */
public final class SyncBooks {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    /** Why the server lacks a change this device had confirmed: the only way a server forgets one. */
    private static final String RESTORED = "the server was restored from an older backup";

    private final Writes writes;

    SyncBooks(Writes writes) {
        this.writes = writes;
    }

    /** Called after every commit that queued local changes for the server. */
    public void onLocalChanges(Runnable listener) {
        writes.onOutgoing(listener);
    }

    public Optional<SyncAccount> account() {
        return writes.store().readJdbc(SyncAccount::read);
    }

    /**
     * Ties these books to the server's practice and queues every entity the server does not know yet.
     * Books with clients of another practice are refused: their ids would mix two practices.
     */
    public void signIn(SyncAccount account, String practiceName) {
        writes.runPulled(context -> {
            Session session = context.session();
            Optional<PracticeEntity> practice = PracticeService.find(session);
            boolean foreign = practice.isPresent() && !practice.get().toDomain().id().equals(account.organization());
            if (foreign) {
                long clients = session.createSelectionQuery("select count(c) from ClientEntity c", Long.class).getSingleResult();
                if (clients > 0) {
                    throw new DomainException(DomainError.INVALID_STATE, "These books belong to the practice \""
                            + practice.get().toDomain().name() + "\", not to the server's. Open an empty data folder "
                            + "(Settings, data folder) to sync with this server.");
                }
                session.remove(practice.get());
                session.flush();
            }
            if (practice.isEmpty() || foreign) {
                session.persist(PracticeEntity.from(new Organization(account.organization(), practiceName)));
            }
            session.flush();
            session.doWork(c -> {
                boolean first = SyncAccount.read(c).isEmpty();
                account.save(c);
                if (first) {
                    Outbox.append(c, unknownToServer(c, session), context.now());
                }
            });
            return null;
        });
    }

    /** Every local entity of a client, in an order the server accepts (a client before its accounts). */
    private static List<Outbox.Change> unknownToServer(Connection c, Session session) throws SQLException {
        List<Outbox.Change> changes = new ArrayList<>();
        for (ClientEntity e : session.createSelectionQuery("from ClientEntity", ClientEntity.class).getResultList()) {
            Client client = e.toDomain();
            add(c, changes, client.id(), EntityType.CLIENT, client.id().value(), client);
        }
        for (AccountEntity e : session.createSelectionQuery("from AccountEntity", AccountEntity.class).getResultList()) {
            Account account = e.toDomain();
            add(c, changes, account.client(), EntityType.ACCOUNT, account.id().value(), account);
        }
        for (TaxCodeEntity e : session.createSelectionQuery("from TaxCodeEntity", TaxCodeEntity.class).getResultList()) {
            TaxCode code = e.toDomain();
            add(c, changes, code.client(), EntityType.TAX_CODE, code.id().value(), code);
        }
        try (var rows = session.createSelectionQuery("from TransactionEntity order by id", TransactionEntity.class)
                .getResultStream()) {
            for (TransactionEntity e : (Iterable<TransactionEntity>) rows::iterator) {
                Transaction t = e.toDomain();
                add(c, changes, t.client(), EntityType.TRANSACTION, t.id().value(), t);
                session.detach(e);
            }
        }
        for (ReceiptEntity e : session.createSelectionQuery("from ReceiptEntity", ReceiptEntity.class).getResultList()) {
            Receipt receipt = e.toDomain();
            add(c, changes, receipt.client(), EntityType.RECEIPT, receipt.id().value(), receipt);
        }
        return changes;
    }

    private static void add(Connection c, List<Outbox.Change> changes, ClientId client, EntityType type, UUID id,
            Object state) throws SQLException {
        if (ServerState.find(c, id).isEmpty()) {
            changes.add(new Outbox.Change(client, type, id, Optional.of(WriteContext.json(state))));
        }
    }

    /** The books' receipt files, which go up before the receipts that name them and come down when opened. */
    public ReceiptFiles receiptFiles() {
        return new ReceiptFiles(writes.store().directory().receipts());
    }

    /** The next mutations to push (see {@link Outbox#nextBatch}); their base versions are fixed here. */
    public List<Outbox.Pending> nextBatch(int limit) {
        return nextBatch(limit, Set.of());
    }

    /** The next mutations to push, leaving out those of entities with a change still in flight. */
    public List<Outbox.Pending> nextBatch(int limit, Set<Long> inFlight) {
        if (inFlight.isEmpty() && pendingCount() == 0) {
            return List.of(); // read beside the writers: no write transaction for an empty outbox
        }
        return writes.store().inTransaction(session -> session.doReturningWork(c -> Outbox.nextBatch(c, limit, inFlight)));
    }

    public Optional<String> clientName(ClientId client) {
        return writes.store().read(session -> Optional.ofNullable(session.find(ClientEntity.class, client.value()))
                .map(entity -> entity.toDomain().name()));
    }

    public long pendingCount() {
        return writes.store().readJdbc(Outbox::count);
    }

    public Map<ClientId, Cursor> cursors() {
        return writes.store().readJdbc(Cursors::all);
    }

    public List<Inbox.Item> inbox() {
        return writes.store().readJdbc(Inbox::open);
    }

    public long openInboxCount() {
        return writes.store().readJdbc(Inbox::openCount);
    }

    /**
     * The server's answers to a push, in one transaction: each mutation leaves the outbox for the
     * journal; an applied one moves the server state on; a refused one goes to the inbox and the books
     * go back to the server's state; a conflicting one goes to the inbox with both versions and the
     * books take the server's version. An answer already recorded (a retried push) changes nothing.
     */
    public void applyOutcomes(List<Outbox.Pending> sent, List<MutationOutcome> outcomes) {
        if (sent.size() != outcomes.size()) {
            throw new IllegalArgumentException("The server answered " + outcomes.size() + " outcomes for " + sent.size()
                    + " mutations.");
        }
        writes.runPulled(context -> {
            context.session().doWork(c -> {
                Set<Long> waiting = Outbox.present(c, sent.stream().map(Outbox.Pending::sequence).toList());
                List<Outbox.Pending> applied = new ArrayList<>();
                List<MutationOutcome> appliedOutcomes = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    Outbox.Pending pending = sent.get(i);
                    MutationOutcome outcome = outcomes.get(i);
                    if (!outcome.mutationId().equals(pending.mutationId())) {
                        throw new IllegalStateException("The server answered mutation " + outcome.mutationId()
                                + " in the place of " + pending.mutationId() + ".");
                    }
                    if (!waiting.contains(pending.sequence())) {
                        continue; // answered before (a pull brought it back, or a retried push)
                    }
                    if (outcome instanceof MutationOutcome.Applied) {
                        applied.add(pending);
                        appliedOutcomes.add(outcome);
                    } else {
                        settle(context, c, pending, outcome);
                    }
                }
                // The common answer, applied, in three batched statements for the whole push.
                Journal.recordAll(c, applied, appliedOutcomes, context.now());
                Outbox.removeAll(c, applied.stream().map(Outbox.Pending::sequence).toList());
                List<ServerState> states = new ArrayList<>(applied.size());
                for (int i = 0; i < applied.size(); i++) {
                    Outbox.Pending p = applied.get(i);
                    states.add(new ServerState(p.entityId(), p.client(), p.type(),
                            ((MutationOutcome.Applied) appliedOutcomes.get(i)).version(), p.operation() == Operation.DELETE,
                            p.payload()));
                }
                ServerState.saveAll(c, states);
            });
            return null;
        });
    }

    private static void settle(WriteContext context, Connection c, Outbox.Pending pending, MutationOutcome outcome)
            throws SQLException {
        Journal.record(c, pending, outcome, context.now());
        Outbox.remove(c, pending.sequence());
        Optional<ServerState> known = ServerState.find(c, pending.entityId());
        switch (outcome) {
            case MutationOutcome.Applied applied -> new ServerState(pending.entityId(), pending.client(), pending.type(),
                    applied.version(), pending.operation() == Operation.DELETE, pending.payload()).save(c);
            case MutationOutcome.Rejected rejected -> {
                List<Outbox.Pending> later = Outbox.pendingOf(c, pending.entityId());
                Inbox.add(c, new Inbox.Item(UUID.randomUUID(), pending.client(), pending.type(), pending.entityId(),
                        pending.mutationId(), Inbox.Kind.REJECTED, Optional.of(rejected.code()), rejected.message(),
                        Optional.ofNullable(pending.payload()), known.filter(s -> !s.deleted()).map(ServerState::payload),
                        known.map(ServerState::version), context.now(), Optional.empty()));
                auditInbox(context, pending, AuditAction.SYNC_REJECTED, known.filter(s -> !s.deleted())
                        .map(ServerState::payload), pending.payload(), "The server refused a change: " + rejected.message());
                if (later.isEmpty()) {
                    putLocal(context, c, pending.client(), pending.type(), pending.entityId(),
                            known.filter(s -> !s.deleted()).map(ServerState::payload));
                }
            }
            case MutationOutcome.Conflict conflict -> {
                // Later changes of the entity were made on top of the same, now stale, version: they
                // join this item (the latest local state is "mine") and are not sent.
                String mine = pending.payload();
                for (Outbox.Pending later : Outbox.pendingOf(c, pending.entityId())) {
                    Journal.record(c, later, new MutationOutcome.Conflict(later.mutationId(), conflict.serverVersion(),
                            conflict.serverDeleted(), conflict.serverState()), context.now());
                    Outbox.remove(c, later.sequence());
                    mine = later.payload();
                }
                Optional<String> theirs = Optional.ofNullable(conflict.serverState()).map(JsonNode::toString);
                Inbox.add(c, new Inbox.Item(UUID.randomUUID(), pending.client(), pending.type(), pending.entityId(),
                        pending.mutationId(), Inbox.Kind.CONFLICT, Optional.empty(), conflictMessage(pending, conflict),
                        Optional.ofNullable(mine), theirs, Optional.of(conflict.serverVersion()), context.now(),
                        Optional.empty()));
                auditInbox(context, pending, AuditAction.SYNC_CONFLICT, theirs, mine, conflictMessage(pending, conflict));
                new ServerState(pending.entityId(), pending.client(), pending.type(), conflict.serverVersion(),
                        conflict.serverDeleted(), theirs.orElse(null)).save(c);
                putLocal(context, c, pending.client(), pending.type(), pending.entityId(), theirs);
            }
        }
    }

    /** The inbox's events in the local audit trail: before is the server's version, after this device's. */
    private static void auditInbox(WriteContext context, Outbox.Pending pending, AuditAction action, Optional<String> theirs,
            String mine, String summary) {
        context.audit(new AuditEntry(Optional.of(pending.client()), pending.type(), pending.entityId(), action,
                theirs.map(SyncBooks::tree), Optional.ofNullable(mine).map(SyncBooks::tree),
                RiskRules.of(action, false, false), summary));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sync payload is not JSON", e);
        }
    }

    /**
     * Settles an inbox item. Keeping theirs leaves the books as they are (they hold the server's
     * version); keeping mine or a merge writes that state as a new local change, checked like any
     * other and sent on top of the server's version. Audited as a resolution.
     */
    public void resolve(UUID itemId, Inbox.Resolution resolution, Optional<String> merged, String user) {
        writes.run(user, context -> {
            context.session().doWork(c -> {
                Inbox.Item item = Inbox.find(c, itemId).orElseThrow(() -> new DomainException(DomainError.INVALID_STATE,
                        "That inbox item no longer exists."));
                if (!item.isOpen()) {
                    throw new DomainException(DomainError.INVALID_STATE, "That inbox item is already settled.");
                }
                Optional<String> state = switch (resolution) {
                    case KEPT_MINE -> item.mine();
                    case MERGED -> Optional.of(merged.orElseThrow(() -> new DomainException(DomainError.REQUIRED,
                            "A merge needs the merged version.")));
                    case KEPT_THEIRS, DISMISSED -> Optional.<String>empty();
                };
                boolean writesState = resolution == Inbox.Resolution.KEPT_MINE || resolution == Inbox.Resolution.MERGED;
                if (writesState) {
                    if (item.type() == EntityType.TRANSACTION && state.isPresent()) {
                        TransactionWrites.validate(context, read(state.get(), Transaction.class));
                    }
                    putLocal(context, c, item.client(), item.type(), item.entityId(), state);
                    context.publish(item.client(), item.type(), item.entityId(),
                            state.map(SyncBooks::tree).orElse(null));
                }
                Inbox.resolve(c, itemId, resolution, user, context.now());
                context.audit(new AuditEntry(Optional.of(item.client()), item.type(), item.entityId(),
                        AuditAction.CONFLICT_RESOLVED, item.theirs().map(SyncBooks::tree),
                        (writesState ? state : item.theirs()).map(SyncBooks::tree),
                        RiskRules.of(AuditAction.CONFLICT_RESOLVED, false, false),
                        "Settled a sync " + item.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                                + resolution.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
            });
            return null;
        });
    }

    /** What the server has confirmed to this device of each entity of the client, by id. */
    public Map<UUID, ServerState> confirmedStates(ClientId client) {
        return writes.store().readJdbc(c -> ServerState.ofClient(c, client));
    }

    /** What {@link #carryBack} did: changes sent again, and changes put in the inbox for the accountant. */
    public record CarriedBack(int sent, int inInbox) {
        public int total() {
            return sent + inInbox;
        }
    }

    /**
     * After the client was read again from the server: the states the server had confirmed to this device
     * and no longer has (it went back to an older backup) are not dropped. One the server has no trace of is
     * written again as a local change, which the next push carries back; nobody can have changed it since.
     * One the server holds at an earlier version goes to the inbox with both versions, as a conflict (the
     * books show the server's): someone may have changed it on the server after the restore, and only the
     * accountant can say which to keep. A state the server has, or has moved past, is left alone.
     *
     * @param confirmed what {@link #confirmedStates} returned before the client was read again
     */
    public CarriedBack carryBack(ClientId client, Map<UUID, ServerState> confirmed, String user) {
        List<ServerState> ordered = confirmed.values().stream()
                // Parents first: a transaction's accounts and tax codes exist before it does.
                .sorted(java.util.Comparator.comparing(ServerState::type).thenComparing(ServerState::entityId))
                .toList();
        return writes.run(user, context -> context.session().doReturningWork(c -> {
            int sent = 0;
            int inInbox = 0;
            for (ServerState mine : ordered) {
                Optional<ServerState> now = ServerState.find(c, mine.entityId());
                if (now.isPresent() && (now.get().version() >= mine.version() || (now.get().deleted() == mine.deleted()
                        && samePayload(now.get().payload(), mine.payload())))) {
                    continue;
                }
                if (now.isEmpty() && mine.deleted()) {
                    continue; // deleted here, and the server does not have it either
                }
                Optional<String> state = mine.deleted() ? Optional.empty() : Optional.of(mine.payload());
                Optional<String> theirs = now.filter(s -> !s.deleted()).map(ServerState::payload);
                if (now.isEmpty()) {
                    putLocal(context, c, client, mine.type(), mine.entityId(), state);
                    context.publish(client, mine.type(), mine.entityId(), state.map(SyncBooks::tree).orElse(null));
                    context.audit(new AuditEntry(Optional.of(client), mine.type(), mine.entityId(), AuditAction.CREATE,
                            Optional.empty(), state.map(SyncBooks::tree), RiskRules.of(AuditAction.CREATE, false, true),
                            "Sent again: " + RESTORED));
                    sent++;
                } else {
                    String message = "The server no longer has this version (" + RESTORED + "); it has version "
                            + now.get().version() + ". Keep mine to send it again, or keep the server's.";
                    Inbox.add(c, new Inbox.Item(UUID.randomUUID(), client, mine.type(), mine.entityId(),
                            MutationId.random(), Inbox.Kind.CONFLICT, Optional.empty(), message, state, theirs,
                            Optional.of(now.get().version()), context.now(), Optional.empty()));
                    context.audit(new AuditEntry(Optional.of(client), mine.type(), mine.entityId(),
                            AuditAction.SYNC_CONFLICT, theirs.map(SyncBooks::tree), state.map(SyncBooks::tree),
                            RiskRules.of(AuditAction.SYNC_CONFLICT, false, false), message));
                    inInbox++;
                }
            }
            return new CarriedBack(sent, inInbox);
        }));
    }

    private static String conflictMessage(Outbox.Pending pending, MutationOutcome.Conflict conflict) {
        String what = pending.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return conflict.serverDeleted()
                ? "This " + what + " was deleted on another device while it was changed here."
                : "This " + what + " was changed on another device (now version " + conflict.serverVersion()
                        + ") while it was changed here. Both versions are kept: choose one or merge them.";
    }

    /**
     * One page of a client's changes and the cursor after it, in one transaction. A change of an entity
     * with local changes waiting is left to the push (the server decides between them), unless it is the
     * server's result of this device's own mutation coming back before the push's answer did.
     */
    public void applyPulled(PullResponse page) {
        writes.runPulled(context -> {
            context.session().doWork(c -> {
                PageFacts facts = PageFacts.read(c, page.changes());
                try (LedgerBatch batch = new LedgerBatch(c); SearchBacklog.Writer search = new SearchBacklog.Writer(c);
                        ServerStateBatch states = new ServerStateBatch(c)) {
                    for (Change change : page.changes()) {
                        if (facts.isNewTransaction(change)) {
                            // The bulk path of a first sync: rows by batched JDBC, terms through the backlog.
                            Transaction t = JSON.treeToValue(change.payload(), Transaction.class);
                            var chart = context.chart(t.client());
                            batch.add(t, chart.account(t.splits().get(0).account()).orElseThrow(() -> new DomainException(
                                    DomainError.INVALID_STATE, "A pulled transaction books to an account these books "
                                            + "do not have.")).name());
                            search.add(t.id());
                            context.dashboards().add(t, chart);
                            states.insert(new ServerState(change.entityId(), change.clientId(), change.entityType(),
                                    change.version(), false, change.payload().toString()));
                        } else {
                            batch.flush();
                            search.flush();
                            states.flush();
                            applyChange(context, c, change);
                        }
                    }
                } catch (JsonProcessingException e) {
                    throw new DomainException(DomainError.INVALID_STATE, "The server sent a transaction these books "
                            + "cannot read: " + e.getOriginalMessage());
                }
                Cursors.save(c, page.clientId(), page.nextCursor(), context.now());
            });
            return null;
        });
    }

    /**
     * Indexes for search the transactions a first sync listed for later (decision 17), a chunk per
     * transaction, until done or asked to stop; returns how many.
     */
    public long indexBacklog(BooleanSupplier stop) {
        return SearchBacklog.drain(writes.store(), stop);
    }

    /**
     * Sets the ledger's plain indexes aside before a first sync into books that hold no transaction yet
     * (ADR 0048); returns how many. {@link #putBackLedgerIndexes()} builds them once the pull is done.
     */
    public int deferLedgerIndexes() {
        return writes.store().deferLedgerIndexes();
    }

    /** Builds again the indexes {@link #deferLedgerIndexes()} set aside; returns how many. */
    public int putBackLedgerIndexes() {
        return writes.store().putBackLedgerIndexes();
    }

    /** The data folder of these books. */
    public DataDirectory directory() {
        return writes.store().directory();
    }

    /**
     * What a first sync into these books needs to begin again in new ones (ADR 0049): their account and the
     * practice's name; empty when they hold a transaction (the sync is not a first one), or no account yet.
     */
    public Optional<FirstSyncMark> firstSync() {
        return writes.store().readJdbc(c -> {
            try (PreparedStatement select = c.prepareStatement("select exists (select 1 from transactions)");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1) ? Optional.<FirstSyncMark>empty() : accountAndPractice(c);
            }
        });
    }

    /** The account and the practice's name as these books hold them; empty without either. */
    public Optional<FirstSyncMark> accountAndPractice() {
        return writes.store().readJdbc(SyncBooks::accountAndPractice);
    }

    private static Optional<FirstSyncMark> accountAndPractice(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select name from practices");
                ResultSet row = select.executeQuery()) {
            String practice = row.next() ? row.getString(1) : null;
            return practice == null ? Optional.empty() : SyncAccount.read(c).map(account -> new FirstSyncMark(account, practice));
        }
    }

    /** Writes everything the books have committed to their file (the pages of a sync, for one). */
    public void writeToDisk() {
        writes.store().writeToDisk();
    }

    /** Takes a safety copy of the books, as after a pull that brought many changes (ADR 0041). */
    public SafetyCopy.Info takeSafetyCopy(String occasion, Clock clock) {
        return SafetyCopy.take(writes.store(), occasion, clock);
    }

    /** What one page's entities already are on this device, read with three queries for the whole page. */
    private record PageFacts(Set<UUID> known, Set<UUID> pending, Set<UUID> local, Set<UUID> seen) {

        static PageFacts read(Connection c, List<Change> changes) throws SQLException {
            UUID[] ids = changes.stream().map(Change::entityId).distinct().toArray(UUID[]::new);
            return new PageFacts(ids(c, "select entity_id from sync_entities where entity_id = any(?)", ids),
                    ids(c, "select entity_id from sync_outbox where entity_id = any(?)", ids),
                    ids(c, "select id from transactions where id = any(?)", ids), new HashSet<>());
        }

        private static Set<UUID> ids(Connection c, String sql, UUID[] ids) throws SQLException {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setArray(1, c.createArrayOf("UUID", ids));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        }

        /** A transaction this device has never had in any form, seen once in the page. */
        boolean isNewTransaction(Change change) {
            UUID id = change.entityId();
            boolean fresh = change.entityType() == EntityType.TRANSACTION && change.kind() == ChangeKind.UPSERT
                    && !known.contains(id) && !pending.contains(id) && !local.contains(id) && !seen.contains(id);
            seen.add(id);
            return fresh;
        }
    }

    /** Inserts server states of entities new to this device in JDBC batches. */
    private static final class ServerStateBatch implements AutoCloseable {

        private final PreparedStatement insert;
        private int pending;

        ServerStateBatch(Connection c) throws SQLException {
            insert = c.prepareStatement("""
                    insert into sync_entities (entity_id, client_id, entity_type, version, deleted, payload)
                    values (?, ?, ?, ?, false, ?)""");
        }

        void insert(ServerState state) throws SQLException {
            insert.setObject(1, state.entityId());
            insert.setObject(2, state.client().value());
            insert.setString(3, state.type().name());
            insert.setLong(4, state.version());
            insert.setString(5, state.payload());
            insert.addBatch();
            if (++pending == 1_000) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                insert.close();
            }
        }
    }

    private static void applyChange(WriteContext context, Connection c, Change change) throws SQLException {
        UUID id = change.entityId();
        Optional<String> payload = Optional.ofNullable(change.payload()).map(JsonNode::toString);
        boolean deleted = change.kind() == ChangeKind.TOMBSTONE;
        List<Outbox.Pending> pending = Outbox.pendingOf(c, id);
        Optional<Outbox.Pending> mine = pending.stream().filter(p -> p.mutationId().equals(change.mutationId())).findFirst();
        if (mine.isPresent()) {
            Journal.record(c, mine.get(), new MutationOutcome.Applied(change.mutationId(), change.version()), context.now());
            Outbox.remove(c, mine.get().sequence());
            pending = Outbox.pendingOf(c, id);
        } else if (!pending.isEmpty()) {
            return;
        }
        Optional<ServerState> known = ServerState.find(c, id);
        if (known.isPresent() && (change.version() < known.get().version()
                || (change.version() == known.get().version() && known.get().deleted() == deleted
                        && samePayload(known.get().payload(), payload.orElse(null))))) {
            return;
        }
        new ServerState(id, change.clientId(), change.entityType(), change.version(), deleted, payload.orElse(null)).save(c);
        if (pending.isEmpty()) {
            putLocal(context, c, change.clientId(), change.entityType(), id, payload);
        }
    }

    private static boolean samePayload(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return a.equals(b) || JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Makes the local books hold the given state of the entity (empty: it does not exist). */
    private static void putLocal(WriteContext context, Connection c, ClientId client, EntityType type, UUID id,
            Optional<String> payload) {
        Session session = context.session();
        session.flush();
        switch (type) {
            case CLIENT -> payload.map(p -> read(p, Client.class)).ifPresent(value -> {
                ClientEntity entity = session.find(ClientEntity.class, id);
                if (entity == null) {
                    session.persist(ClientEntity.from(value));
                } else {
                    entity.update(value);
                }
            });
            case ACCOUNT -> {
                AccountEntity entity = session.find(AccountEntity.class, id);
                if (payload.isEmpty()) {
                    if (entity != null) {
                        session.remove(entity);
                    }
                    return;
                }
                Account value = read(payload.get(), Account.class);
                if (entity == null) {
                    session.persist(AccountEntity.from(value));
                } else {
                    Account before = entity.toDomain();
                    entity.update(value);
                    if (!before.name().equals(value.name())) {
                        AccountService.followRename(context, before, value);
                    }
                }
                context.chart(client).add(value);
            }
            case TAX_CODE -> {
                TaxCodeEntity entity = session.find(TaxCodeEntity.class, id);
                if (payload.isEmpty()) {
                    if (entity != null) {
                        session.remove(entity);
                    }
                    return;
                }
                TaxCode value = read(payload.get(), TaxCode.class);
                if (entity == null) {
                    session.persist(TaxCodeEntity.from(value));
                } else {
                    entity.update(value);
                }
                context.chart(client).add(value);
            }
            case TRANSACTION -> {
                if (payload.isEmpty()) {
                    TransactionWrites.removePulled(context, new TransactionId(id));
                } else {
                    TransactionWrites.putPulled(context, read(payload.get(), Transaction.class));
                }
            }
            case RECEIPT -> {
                ReceiptEntity entity = session.find(ReceiptEntity.class, id);
                if (payload.isEmpty()) {
                    if (entity != null) {
                        ReceiptWrites.remove(context, entity, ReceiptWrites.record(entity));
                    }
                    return;
                }
                Receipt value = read(payload.get(), Receipt.class);
                if (entity == null) {
                    ReceiptWrites.insert(context, new ReceiptRecord(value, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty()));
                } else {
                    ReceiptRecord before = ReceiptWrites.record(entity);
                    ReceiptWrites.change(context, entity, before, before.with(value));
                }
            }
            case ORGANIZATION, USER, CLIENT_ASSIGNMENT -> {
                // Kept by the server's admins; not part of a client's books on this device.
            }
        }
        session.flush();
    }

    /**
     * This device's checksum of a client in the server's terms: live entities per type and a SHA-256 over
     * every local entity's id and the server version it holds (0 for one the server has not confirmed),
     * sorted by id. Equal to the server's exactly when both hold the same entities at the same versions.
     */
    public ClientChecksum checksum(ClientId client) {
        return writes.store().readJdbc(c -> {
            Map<EntityType, Long> counts = new EnumMap<>(EntityType.class);
            TreeMap<String, Long> versions = new TreeMap<>();
            String[][] tables = {{"CLIENT", "clients", "id"}, {"ACCOUNT", "accounts", "client_id"},
                    {"TAX_CODE", "tax_codes", "client_id"}, {"TRANSACTION", "transactions", "client_id"},
                    {"RECEIPT", "receipts", "client_id"}};
            for (String[] table : tables) {
                try (PreparedStatement select = c.prepareStatement("select t.id, coalesce(s.version, 0) from " + table[1]
                        + " t left join sync_entities s on s.entity_id = t.id where t." + table[2] + " = ?")) {
                    select.setObject(1, client.value());
                    select.setFetchSize(5000);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            counts.merge(EntityType.valueOf(table[0]), 1L, Long::sum);
                            versions.put(row.getObject(1, UUID.class).toString(), row.getLong(2));
                        }
                    }
                }
            }
            MessageDigest digest = sha256();
            versions.forEach((id, version) -> digest.update((id + ":" + version + "\n").getBytes(StandardCharsets.UTF_8)));
            return new ClientChecksum(ProtocolVersion.CURRENT, client, counts, HexFormat.of().formatHex(digest.digest()),
                    List.of(), Cursors.of(c, client));
        });
    }

    /**
     * Forgets what this device knows of the server's state of a client, so that the next pull reads its
     * change log from the start and writes every entity again as the server has it. Local changes still
     * waiting are kept and sent.
     */
    public void resetClient(ClientId client) {
        writes.store().inTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from sync_entities where client_id = ?")) {
                delete.setObject(1, client.value());
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("delete from sync_cursors where client_id = ?")) {
                delete.setObject(1, client.value());
                delete.executeUpdate();
            }
            return null;
        }));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static <T> T read(String payload, Class<T> type) {
        try {
            return JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new DomainException(DomainError.INVALID_STATE, "The server sent a " + type.getSimpleName()
                    + " these books cannot read: " + e.getOriginalMessage());
        }
    }

}
