package app.booksflow.desktop.sync;

import app.booksflow.desktop.ledger.ReceiptFileSource;
import app.booksflow.desktop.ledger.ReceiptFiles;
import app.booksflow.desktop.ledger.SyncBooks;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.desktop.syncstate.ServerState;
import app.booksflow.desktop.syncstate.SyncAccount;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.receipt.StoredFile;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.PullResponse;
import app.booksflow.protocol.PushRequest;
import app.booksflow.protocol.PushResponse;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the books in step with the server, in the background: a pusher sends the outbox as soon as a
 * write queues something (and whenever asked), a puller holds one long poll for all of the device's
 * clients and pulls those with changes. Each answer is applied in one transaction of the books with the
 * sync state it moves, so a crash at any point repeats work and never loses or doubles it. Failures that
 * may pass (no network, server trouble) are retried with exponential backoff and jitter; a sign-in the
 * server no longer accepts stops the loops until the accountant signs in again (decision 28).
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final int PULL_LIMIT = 5000;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final SyncBooks books;
    private final TokenStore tokens;
    private final Clock clock;
    private final ObjectMapper json = BooksFlowJson.newMapper();
    private volatile Consumer<SyncStatus> listener = status -> { };
    private volatile SyncClient client;
    private volatile Optional<Instant> lastSync = Optional.empty();
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Optional<String> notice = Optional.empty();
    /** Clients to compare with the server after the next pull: those pulled, and those this device changed. */
    private final Set<ClientId> toVerify = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile SyncStatus.State state = SyncStatus.State.NOT_SIGNED_IN;
    /** Progress of a pull round with many changes (a first sync), shown while it lasts. */
    private volatile SyncStatus.Progress receiving;
    private volatile long showProgressFrom = 2 * PULL_LIMIT;
    /** Set while a first sync may have ledger indexes set aside, until they are built again. */
    private volatile boolean indexesOwed;
    private volatile int pushBatch = PushRequest.MAX_MUTATIONS;
    private final Object pushSignal = new Object();
    private boolean pushAsked;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> loops = new ArrayList<>();
    private volatile int pullWaitSeconds = SyncClient.WATCH_SECONDS;
    /** Pages pulled and batches pushed, on their way while the books take the ones before. */
    private final ExecutorService fetcher = Executors.newVirtualThreadPerTaskExecutor();
    /** One indexing at a time; a request while one runs waits behind it and finds little left to do. */
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sync-index").factory());
    private final ReceiptTransfers receiptTransfers = new ReceiptTransfers(this::sending);
    /** The receipt file going up now, for the status bar. */
    private volatile SyncStatus.Sending sending;

    public SyncEngine(SyncBooks books, TokenStore tokens, Clock clock) {
        this.books = books;
        this.tokens = tokens;
        this.clock = clock;
        books.onLocalChanges(this::syncNow);
        books.account().ifPresent(account -> {
            client = SyncClient.connect(account.serverUrl());
            state = tokens.read().isPresent() ? SyncStatus.State.OFFLINE : SyncStatus.State.SIGNED_OUT;
        });
    }

    public void onStatus(Consumer<SyncStatus> statusListener) {
        this.listener = statusListener;
        publish();
    }

    /**
     * From how many waiting changes a pull reports its progress (two pages by default), and is followed by a
     * safety copy of the books.
     */
    public void showProgressFrom(long changes) {
        this.showProgressFrom = changes;
    }

    /** For tests: how many mutations a push sends at most per request (the protocol's most by default). */
    public void pushBatch(int mutations) {
        if (mutations < 1 || mutations > PushRequest.MAX_MUTATIONS) {
            throw new IllegalArgumentException("A push batch holds 1 to " + PushRequest.MAX_MUTATIONS + " mutations.");
        }
        this.pushBatch = mutations;
    }

    /** For tests and a short demo: how long the puller's long poll waits on the server. */
    public void pullWait(int seconds) {
        this.pullWaitSeconds = seconds;
    }

    /**
     * Signs in to the server and ties the books to its practice (the first time, every local client is
     * queued for it). The password is used once and not kept.
     */
    public void signIn(String serverUrl, String email, char[] password, String practiceName) {
        SyncClient candidate = SyncClient.connect(serverUrl);
        try {
            SyncClient.SignedIn signedIn = candidate.signIn(email, password);
            Optional<SyncAccount> previous = books.account();
            DeviceId device = previous.filter(a -> a.serverUrl().equals(candidate.serverUrl()) && a.user().equals(signedIn.user()))
                    .map(SyncAccount::device).orElseGet(DeviceId::random);
            books.signIn(new SyncAccount(candidate.serverUrl(), signedIn.email(), signedIn.user(), signedIn.organization(),
                    device, clock.instant()), practiceName);
            tokens.save(signedIn.token());
        } catch (RuntimeException e) {
            candidate.close();
            throw e;
        }
        SyncClient old = client;
        client = candidate;
        if (old != null) {
            old.close();
        }
        state = SyncStatus.State.OFFLINE;
        lastError = Optional.empty();
        syncNow();
        publish();
    }

    /**
     * Forgets the sign-in token; the books, their account and their waiting changes stay. The loops
     * wait until the next sign-in.
     */
    public void signOut() {
        tokens.clear();
        state = books.account().isPresent() ? SyncStatus.State.SIGNED_OUT : SyncStatus.State.NOT_SIGNED_IN;
        lastError = Optional.empty();
        publish();
    }

    /** Starts the background loops (once); they run until {@link #close()}. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        loops.add(Thread.ofVirtual().name("sync-push").start(() -> loop(this::pushWhenAsked)));
        loops.add(Thread.ofVirtual().name("sync-pull").start(() -> loop(() -> pullRound(pullWaitSeconds))));
    }

    /** "Sync now": push at once, and end the backoff of a loop waiting to try again. */
    public void syncNow() {
        synchronized (pushSignal) {
            pushAsked = true;
            pushSignal.notifyAll();
        }
    }

    public SyncStatus status() {
        long pending = 0;
        long inbox = 0;
        try {
            pending = books.pendingCount();
            inbox = books.openInboxCount();
        } catch (RuntimeException e) {
            LOG.debug("Sync counts not readable now", e);
        }
        return new SyncStatus(state, pending, inbox, lastSync, lastError, Optional.ofNullable(receiving), notice,
                Optional.ofNullable(sending));
    }

    /** One full round in the caller's thread: push everything, then pull every client with changes. */
    public void syncOnce() {
        push();
        pullRound(0);
    }

    /**
     * Sends the outbox in batches until it is empty; each answer is applied in one transaction. The
     * receipt files a batch names go up first (those the server lacks), so a batch waits for its files.
     *
     * <p>One batch travels at a time, so the server decides them in outbox order. While it travels, the
     * answers to the batch before are recorded and the next batch is picked, without the entities of the
     * one in flight (a later change of an entity is based on the version its answer brings). A failure
     * leaves the batches sent but not answered in the outbox, marked sent, and the next push repeats them.
     */
    public int push() {
        SyncAccount account = account();
        String token = token();
        int sent = 0;
        int most = pushBatch;
        List<Outbox.Pending> batch = books.nextBatch(most);
        Answered answered = null;
        while (!batch.isEmpty()) {
            state = SyncStatus.State.SYNCING;
            long departed = System.nanoTime();
            List<Outbox.Pending> travelling = batch;
            CompletableFuture<PushResponse> trip = CompletableFuture.supplyAsync(() -> {
                receiptTransfers.sendFiles(client, token, books.receiptFiles(), travelling); // the files before their receipts
                return client.push(token, PushRequest.of(account.device(), mutations(account.device(), travelling)));
            }, fetcher);
            long meanwhile;
            try {
                if (answered != null) {
                    record(answered);
                    state = SyncStatus.State.SYNCING; // the next batch is on its way
                }
                batch = books.nextBatch(most, travelling.stream()
                        .map(Outbox.Pending::sequence).collect(Collectors.toSet()));
                meanwhile = System.nanoTime();
            } catch (RuntimeException e) {
                awaitQuietly(trip); // never two trips of one device at once, even across a failure
                throw e;
            }
            PushResponse response = await(trip);
            answered = new Answered(travelling, response, departed, meanwhile, System.nanoTime());
            sent += travelling.size();
            if (batch.isEmpty()) { // nothing more, or only later changes of the entities just answered
                record(answered);
                answered = null;
                batch = books.nextBatch(most);
            }
        }
        if (answered != null) {
            record(answered);
        }
        return sent;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static void awaitQuietly(CompletableFuture<?> trip) {
        try {
            trip.join();
        } catch (CompletionException | CancellationException ignored) {
            // the failure that stopped the push is the one to report
        }
    }

    /** A batch and the server's answer to it, not recorded yet. */
    private record Answered(List<Outbox.Pending> batch, PushResponse response, long departed, long meanwhile,
            long arrived) {
    }

    private void record(Answered answered) {
        long recording = System.nanoTime();
        books.applyOutcomes(answered.batch(), answered.response().outcomes());
        answered.batch().forEach(p -> toVerify.add(p.client()));
        LOG.debug("Pushed {} mutations: answered in {} ms (meanwhile {} ms recording the answers before and picking "
                + "the next batch), answers recorded in {} ms", answered.batch().size(),
                millis(answered.departed(), answered.arrived()), millis(answered.departed(), answered.meanwhile()),
                millis(recording, System.nanoTime()));
        succeeded();
    }

    /**
     * Receipt files as the screens get them: from this device, else fetched from the server with the
     * signed-in token, verified and kept (in the caller's thread: a background task).
     */
    public ReceiptFileSource receiptFiles() {
        return this::fetchReceiptFile;
    }

    /**
     * The receipt's file on this device, downloaded first when it is not here (a receipt synced from
     * another device): its SHA-256 and size are checked before it is kept, and a wrong copy is refused.
     *
     * @throws ReceiptFileSource.Unavailable saying why it cannot be had now (offline, signed out...)
     */
    public Path fetchReceiptFile(StoredFile file) {
        ReceiptFiles files = books.receiptFiles();
        if (files.has(file.sha256())) {
            return files.path(file.sha256());
        }
        try {
            return receiptTransfers.fetch(client, token(), files, file);
        } catch (RuntimeException e) {
            throw ReceiptTransfers.unavailable(e);
        }
    }

    /**
     * Asks the server which clients have changes (waiting up to the given seconds when none has) and
     * pulls each of them page by page; then checks each pulled client's checksum against the server's
     * when nothing of it waits in the outbox and both are at the same change (with the loops running, in a
     * later round that brings the client nothing new), and reads a client again from the start when they differ.
     */
    public Set<ClientId> pullRound(int waitSeconds) {
        String token = token();
        Map<ClientId, Cursor> cursors = books.cursors();
        WatchResponse watch = client.watch(token, account().device(), WatchRequest.of(cursors.entrySet().stream()
                .map(e -> new WatchRequest.ClientCursor(e.getKey(), e.getValue())).toList(), waitSeconds));
        Set<ClientId> pulled = new LinkedHashSet<>(watch.behind());
        long waiting = watch.changesWaiting();
        receiving = waiting >= showProgressFrom ? new SyncStatus.Progress(0, waiting) : null;
        if (cursors.isEmpty() && !pulled.isEmpty()) {
            markFirstSync();
        }
        try {
            if (receiving != null) {
                // A first sync into books without a ledger writes its rows before the ledger's indexes (ADR 0048);
                // the round ends by building what is set aside, however it ends.
                indexesOwed = true;
                books.deferLedgerIndexes();
            }
            for (ClientId behind : watch.behind()) {
                pullClient(token, behind);
            }
        } finally {
            receiving = null;
            if (indexesOwed) {
                putBackLedgerIndexes();
            }
        }
        firstSyncOnDisk();
        toVerify.addAll(pulled);
        for (ClientId checked : List.copyOf(toVerify)) {
            // With the loops running, a client is compared in a round that brings it nothing new: its changes do
            // not wait behind the comparison (a read of the whole client on both sides), and a client another
            // device keeps changing is compared when it rests.
            if (running.get() && pulled.contains(checked)) {
                continue;
            }
            if (watch.visible().contains(checked) && verify(token, checked)) {
                toVerify.remove(checked);
            }
        }
        if (!pulled.isEmpty()) {
            // A first sync lists its transactions for search instead of indexing each: indexed behind the pulls
            // when the loops run, at once otherwise. A pull large enough to show its progress (a first sync) is
            // followed by a safety copy of the books (ADR 0041), taken first: it then holds the pull sooner, and
            // the search terms are written again from the backlog it also holds.
            Runnable afterPull = waiting >= showProgressFrom ? () -> {
                safetyCopy(waiting);
                indexBacklog();
            } : this::indexBacklog;
            if (running.get()) {
                indexer.execute(afterPull);
            } else {
                afterPull.run();
            }
        }
        succeeded();
        return pulled;
    }

    /**
     * Before the first page of a first sync into books without a ledger, marks the data folder so (ADR 0049): a
     * crash during it may leave the books in a state no commit made, and the next start then begins it again in
     * new books. Without the mark (it could not be written) the sync goes on, a crash left to the check after an
     * unclean stop.
     */
    private void markFirstSync() {
        try {
            books.firstSync().ifPresent(first -> {
                first.write(books.directory());
                LOG.info("First sync into the books in {}: marked until it is on disk", books.directory());
            });
        } catch (UncheckedIOException e) {
            LOG.warn("The first sync goes on unmarked; a crash during it is left to the check after an unclean stop", e);
        }
    }

    /**
     * After a round that ended with every client pulled, a first sync's mark goes, once the books have written
     * what it brought to their file: the sync is done, and a crash now finds its pages on the disk.
     */
    private void firstSyncOnDisk() {
        DataDirectory directory = books.directory();
        if (FirstSyncMark.exists(directory)) {
            books.writeToDisk();
            FirstSyncMark.clear(directory);
            LOG.info("First sync into the books in {} done and on disk", directory);
        }
    }

    /**
     * Builds the ledger indexes a first sync set aside. If that fails the next round tries again, and the
     * next opening of the books would too; the pull's own outcome stands either way.
     */
    private void putBackLedgerIndexes() {
        long start = System.nanoTime();
        try {
            int built = books.putBackLedgerIndexes();
            indexesOwed = false;
            if (built > 0) {
                LOG.debug("Built the {} ledger indexes set aside for the pull in {} ms", built,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            indexesOwed = true;
            LOG.warn("Could not build the ledger indexes set aside for the first sync; trying again after the next pull", e);
        }
    }

    /**
     * Pulls a client page by page, reading the next page from the server while the current one is written
     * to the books. Each page and its cursor commit together, so a pull cut short goes on from there.
     */
    private void pullClient(String token, ClientId clientId) {
        state = SyncStatus.State.SYNCING;
        Cursor cursor = books.cursors().getOrDefault(clientId, Cursor.START);
        CompletableFuture<PullResponse> next = fetch(token, clientId, cursor);
        while (true) {
            long asked = System.nanoTime();
            PullResponse page = await(next);
            long read = System.nanoTime();
            if (page.hasMore()) {
                next = fetch(token, clientId, page.nextCursor());
            }
            try {
                books.applyPulled(page);
            } catch (RuntimeException e) {
                next.cancel(true);
                throw e;
            }
            LOG.debug("Pulled {} changes of client {}: waited {} ms for the page, applied in {} ms", page.changes().size(),
                    clientId, (read - asked) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            SyncStatus.Progress progress = receiving;
            if (progress != null) {
                receiving = new SyncStatus.Progress(Math.min(progress.waiting(), progress.received() + page.changes().size()),
                        progress.waiting());
                publish();
            }
            if (!page.hasMore()) {
                return;
            }
        }
    }

    private CompletableFuture<PullResponse> fetch(String token, ClientId clientId, Cursor cursor) {
        return CompletableFuture.supplyAsync(() -> client.pull(token, clientId, cursor, PULL_LIMIT, 0), fetcher);
    }

    /** The answer, or its failure as the request threw it. */
    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Compares a client's checksum with the server's once nothing of this device waits and both are at the
     * same change; a mismatch there reads the client again from the server, and says so.
     *
     * @return whether the comparison was made (false while changes wait, or when the server has moved on since
     *     the last pull: the client is compared after the next one)
     */
    boolean verify(ClientId clientId) {
        return verify(token(), clientId);
    }

    private boolean verify(String token, ClientId clientId) {
        // Twice before repairing: the answers of a push of this device, applied between the server's checksum and
        // this device's, make them differ once; a real difference stays.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Optional<Boolean> same = compare(token, clientId);
            if (same.isEmpty()) {
                return false;
            }
            if (same.get()) {
                return true;
            }
        }
        LOG.warn("Client {} differs from the server twice in a row; reading it again", clientId);
        Map<UUID, ServerState> confirmed = books.confirmedStates(clientId);
        books.resetClient(clientId);
        pullClient(token, clientId);
        SyncBooks.CarriedBack carried = books.carryBack(clientId, confirmed, account().email());
        String name = books.clientName(clientId).orElse(clientId.toString());
        if (carried.total() > 0) {
            LOG.warn("The server no longer had {} changes of client {}: {} sent again, {} in the inbox", carried.total(),
                    clientId, carried.sent(), carried.inInbox());
            notice = Optional.of("The server no longer had " + changes(carried.total()) + " of " + name
                    + " (it was restored from an older backup): " + carried.sent() + " sent again, "
                    + carried.inInbox() + " in the inbox to keep or drop.");
        } else if (sameBooks(client.checksum(token, clientId), books.checksum(clientId))) {
            notice = Optional.of("The books of " + name + " differed from the server's; they were read again and "
                    + "now agree.");
        } else if (books.pendingCount() == 0) {
            lastError = Optional.of("The books of " + name + " still differ from the server's after reading them again.");
        }
        publish();
        return true;
    }

    /**
     * Whether the client's books are the server's, or nothing when they cannot be compared now: changes of this
     * device wait, or the server's checksum is of a later change than this device has pulled (another device's
     * change committed since the pull). The server's comes first, so this device's (the larger read) is skipped
     * when it could prove nothing. A server at an earlier change than this device (restored from a backup) is
     * compared: that is a difference to repair.
     */
    private Optional<Boolean> compare(String token, ClientId clientId) {
        if (books.pendingCount() > 0) {
            return Optional.empty();
        }
        ClientChecksum server = client.checksum(token, clientId);
        Cursor cursor = books.cursors().getOrDefault(clientId, Cursor.START);
        if (server.asOf() != null && !server.asOf().equals(cursor) && serverIsAhead(token, clientId, cursor)) {
            return Optional.empty();
        }
        return Optional.of(sameBooks(server, books.checksum(clientId)));
    }

    /** Whether the server has changes of the client after the cursor (cursors are the server's to read). */
    private boolean serverIsAhead(String token, ClientId clientId, Cursor cursor) {
        return client.watch(token, account().device(), WatchRequest.of(
                List.of(new WatchRequest.ClientCursor(clientId, cursor)), 0)).behind().contains(clientId);
    }

    private static String changes(int count) {
        return count + (count == 1 ? " change" : " changes");
    }

    static boolean sameBooks(ClientChecksum server, ClientChecksum local) {
        return server.counts().equals(local.counts()) && server.versionsHash().equals(local.versionsHash());
    }

    private void safetyCopy(long changes) {
        try {
            books.takeSafetyCopy("after a sync that brought " + String.format("%,d", changes) + " changes", clock);
        } catch (RuntimeException e) {
            LOG.warn("No safety copy of the books after a sync that brought {} changes", changes, e);
        }
    }

    private void indexBacklog() {
        long indexing = System.nanoTime();
        long indexed = books.indexBacklog(() -> !running.get() && !loops.isEmpty());
        LOG.debug("Indexed {} pulled transactions for search in {} ms", indexed, (System.nanoTime() - indexing) / 1_000_000);
    }

    private List<Mutation> mutations(DeviceId device, List<Outbox.Pending> batch) {
        List<Mutation> mutations = new ArrayList<>(batch.size());
        for (Outbox.Pending p : batch) {
            try {
                mutations.add(new Mutation(p.mutationId(), device, p.sequence(), p.client(), p.type(), p.entityId(),
                        p.operation(), p.baseVersion(), p.payload() == null ? null : json.readTree(p.payload()),
                        p.createdAt()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Outbox row " + p.sequence() + " holds unreadable JSON", e);
            }
        }
        return mutations;
    }

    private void pushWhenAsked() {
        synchronized (pushSignal) {
            while (!pushAsked && running.get()) {
                try {
                    pushSignal.wait(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!pushAsked) {
                    break; // now and then, even unasked: a batch left by a crash goes out
                }
            }
            pushAsked = false;
        }
        push();
    }

    private void loop(Runnable step) {
        int failures = 0;
        while (running.get()) {
            try {
                if (state == SyncStatus.State.SIGNED_OUT || state == SyncStatus.State.NOT_SIGNED_IN) {
                    waitForSignal(Duration.ofSeconds(5));
                    continue;
                }
                step.run();
                failures = 0;
            } catch (SyncException e) {
                fail(e);
                if (e.kind() == SyncException.Kind.SIGNED_OUT) {
                    continue;
                }
                failures++;
                long ceiling = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 16));
                waitForSignal(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1)));
            } catch (Exception e) { // OkHttp may throw InterruptedException undeclared when the engine closes
                if (!running.get() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.error("Sync step failed", e);
                lastError = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                publish();
                failures++;
                waitForSignal(LONGEST_RETRY);
            }
        }
    }

    private void waitForSignal(Duration most) {
        synchronized (pushSignal) {
            if (pushAsked || !running.get()) {
                return;
            }
            try {
                pushSignal.wait(Math.max(1, most.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    private void succeeded() {
        state = SyncStatus.State.ONLINE;
        lastSync = Optional.of(clock.instant());
        lastError = Optional.empty();
        publish();
    }

    private void fail(SyncException e) {
        state = switch (e.kind()) {
            case SIGNED_OUT -> SyncStatus.State.SIGNED_OUT;
            case OFFLINE -> SyncStatus.State.OFFLINE;
            case REFUSED, SERVER -> state == SyncStatus.State.SYNCING ? SyncStatus.State.ONLINE : state;
        };
        if (e.kind() == SyncException.Kind.SIGNED_OUT) {
            tokens.clear();
        }
        lastError = Optional.of(e.getMessage());
        LOG.info("Sync: {}", e.getMessage());
        publish();
    }

    private void sending(Optional<SyncStatus.Sending> now) {
        sending = now.orElse(null);
        publish();
    }

    private void publish() {
        try {
            listener.accept(status());
        } catch (RuntimeException e) {
            LOG.warn("Sync status listener failed", e);
        }
    }

    private SyncAccount account() {
        return books.account().orElseThrow(() -> new SyncException(SyncException.Kind.SIGNED_OUT, 0, "NOT_SIGNED_IN",
                "Sign in to a server first (Settings, Sync).", null));
    }

    private String token() {
        if (client == null) {
            throw new SyncException(SyncException.Kind.SIGNED_OUT, 0, "NOT_SIGNED_IN",
                    "Sign in to a server first (Settings, Sync).", null);
        }
        return tokens.read().orElseThrow(() -> new SyncException(SyncException.Kind.SIGNED_OUT, 401, "SIGNED_OUT",
                "Sign in again to go on syncing.", null));
    }

    /**
     * Stops the loops without interrupting them: an interrupt inside a database call would close the
     * books' file. Requests waiting on the network are cancelled, each loop ends at its next step.
     */
    @Override
    public void close() {
        running.set(false);
        syncNow();
        if (client != null) {
            client.cancelAll();
        }
        for (Thread loop : loops) {
            try {
                loop.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fetcher.shutdown();
        indexer.shutdown();
        try {
            indexer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            client.close();
        }
    }
}
