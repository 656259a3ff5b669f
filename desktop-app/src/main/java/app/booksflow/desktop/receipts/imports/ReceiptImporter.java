package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.ReceiptService;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports receipt files in bulk (ADR 0022): folders and dropped files are queued in the books first,
 * then each file is hashed and copied into the receipt store, checked against the client's receipts
 * for the same content, read by OCR on the engine's workers and committed as a receipt together with
 * its end state in the queue. A run works through the queue on the calling thread until nothing is
 * left to read ({@link #runUntilIdle}); files are read in parallel on the OCR engine's workers.
 *
 * <p>Quit or crash mid-run: the next {@link #load()} puts the files that were being read back in the
 * queue; their receipts were not committed, so nothing is read twice into the books and nothing is lost.
 * Pause and cancel act on whole batches and are cooperative: files already being read finish.
 *
 * <p>Thread-safe: the queue can be added to, paused and cancelled from any thread while a run goes on.
 * Listeners hear of every change on the thread that made it; they should only take note (a progress
 * view coalesces and reads a {@link #snapshot()}).
 */
public final class ReceiptImporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptImporter.class);
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TEXT = 1_000_000;

    private final LedgerServices ledger;
    private final ImportQueue queue;
    private final Clock clock;
    private final String user;
    private final Supplier<OcrEngine> engineFactory;
    private final ReceiptReader reader;
    private final Supplier<Locale> locale;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Notified when a run ends. */
    private final Object idle = new Object();
    private final AtomicBoolean loaded = new AtomicBoolean();

    /** This session's batches, in order; guarded by {@code this}. */
    private final Map<UUID, BatchState> batches = new LinkedHashMap<>();
    /** When files finished in the current run (nanoTime); guarded by {@code this}. */
    private final Deque<Long> finishes = new ArrayDeque<>();
    private long runStart;
    private OcrEngine engine;

    /**
     * @param engineFactory makes the OCR engine on the first run; the importer closes it
     * @param locale        the user's formats now, for reading dates
     */
    public ReceiptImporter(LocalStore store, LedgerServices ledger, Clock clock, String user,
            Supplier<OcrEngine> engineFactory, ReceiptReader reader, Supplier<Locale> locale) {
        this.ledger = Objects.requireNonNull(ledger);
        this.queue = new ImportQueue(store);
        this.clock = Objects.requireNonNull(clock);
        this.user = Objects.requireNonNull(user);
        this.engineFactory = Objects.requireNonNull(engineFactory);
        this.reader = Objects.requireNonNull(reader);
        this.locale = Objects.requireNonNull(locale);
    }

    public ImportQueue queue() {
        return queue;
    }

    /** Hears of every change of a file's or batch's state, on the thread that made it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Takes up the imports a previous session left unfinished: files that were being read go back in the
     * queue. Runs once; {@link #runUntilIdle} calls it if nobody did. Returns how many files wait.
     */
    public int load() {
        if (!loaded.compareAndSet(false, true)) {
            return waiting();
        }
        int requeued = queue.requeueInterrupted();
        List<ImportQueue.BatchRow> unfinished = queue.unfinishedBatches();
        synchronized (this) {
            for (ImportQueue.BatchRow row : unfinished) {
                BatchState batch = new BatchState(row.id(), row.client(), row.source(), row.paused());
                queue.files(row.id()).forEach(file -> batch.add(new FileState(file.id(), file.path(), file.state(),
                        file.reason().orElse(null))));
                batches.putIfAbsent(row.id(), batch);
            }
        }
        if (requeued > 0) {
            log.info("{} receipt files that were being read when the app stopped are queued again", requeued);
        }
        changed();
        return waiting();
    }

    /** Queues a folder (with its subfolders) for the client. */
    public UUID importFolder(ClientId client, Path folder) {
        return importPaths(client, List.of(folder), folder.toAbsolutePath().normalize().toString());
    }

    /**
     * Queues files and folders (with their subfolders) for the client, as one batch committed before any
     * file is read.
     *
     * @throws DomainException when there is no file among them
     */
    public UUID importPaths(ClientId client, List<Path> paths, String source) {
        return enqueue(client, FolderScan.scan(paths), source);
    }

    /** Queues files already described (a watch folder's); see {@link #importPaths}. */
    public UUID enqueue(ClientId client, List<ImportQueue.NewFile> files, String source) {
        if (files.isEmpty()) {
            throw new DomainException(DomainError.REQUIRED, "There is no file to import in " + source + ".");
        }
        load();
        UUID id = queue.enqueue(client, source, files, clock.instant());
        BatchState batch = new BatchState(id, client, source, false);
        for (ImportQueue.FileRow row : queue.files(id)) {
            batch.add(new FileState(row.id(), row.path(), row.state(), null));
        }
        synchronized (this) {
            batches.put(id, batch);
        }
        changed();
        return id;
    }

    /** Stops reading the batch's next files; files being read finish. Remembered across restarts. */
    public void pause(UUID batch) {
        setPaused(batch, true);
    }

    public void resume(UUID batch) {
        setPaused(batch, false);
    }

    private void setPaused(UUID id, boolean paused) {
        queue.setPaused(id, paused);
        synchronized (this) {
            BatchState batch = batches.get(id);
            if (batch != null) {
                batch.paused = paused;
            }
        }
        changed();
    }

    /**
     * Cancels the batch's files not read yet (they end CANCELLED; {@link #requeueCancelled} queues them
     * again); files being read finish and count. Returns how many were cancelled.
     */
    public int cancel(UUID id) {
        int cancelled;
        synchronized (this) {
            cancelled = queue.cancel(id, clock.instant());
            BatchState batch = batches.get(id);
            if (batch != null) {
                batch.files.values().stream().filter(file -> file.state == ImportFileState.QUEUED).forEach(file -> {
                    file.state = ImportFileState.CANCELLED;
                    file.reason = "The import was cancelled.";
                });
            }
        }
        changed();
        return cancelled;
    }

    /** Queues the batch's cancelled files again. */
    public int requeueCancelled(UUID id) {
        int requeued;
        synchronized (this) {
            requeued = queue.requeueCancelled(id);
            BatchState batch = batches.get(id);
            if (batch != null) {
                batch.files.values().stream().filter(file -> file.state == ImportFileState.CANCELLED).forEach(file -> {
                    file.state = ImportFileState.QUEUED;
                    file.reason = null;
                });
            }
        }
        changed();
        return requeued;
    }

    /** Forgets the finished batches of this session (the books keep them). */
    public void clearFinished() {
        synchronized (this) {
            batches.values().removeIf(BatchState::isFinished);
        }
        changed();
    }

    /** Files queued in batches that are not paused. */
    public synchronized int waiting() {
        return (int) batches.values().stream().filter(batch -> !batch.paused).flatMap(batch -> batch.files.values().stream())
                .filter(file -> file.state == ImportFileState.QUEUED).count();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Waits until no run is going on, for at most {@code limit}; true when none is. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (running.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    public synchronized ImportSnapshot snapshot() {
        List<ImportSnapshot.Batch> shown = new ArrayList<>();
        int remaining = 0;
        for (BatchState batch : batches.values()) {
            List<ImportSnapshot.File> files = new ArrayList<>(batch.files.size());
            for (FileState file : batch.files.values()) {
                files.add(new ImportSnapshot.File(file.id, file.path, file.state, Optional.ofNullable(file.reason)));
                if (!file.state.isFinished() && !batch.paused) {
                    remaining++;
                }
            }
            shown.add(new ImportSnapshot.Batch(batch.id, batch.source, batch.paused, files));
        }
        double rate = filesPerMinute();
        Optional<Duration> timeLeft = rate > 0 && running.get()
                ? Optional.of(Duration.ofSeconds(Math.round(remaining / rate * 60)))
                : Optional.empty();
        return new ImportSnapshot(shown, rate, timeLeft);
    }

    /** Files finished per minute over the last minute of this run (less at its start). */
    private double filesPerMinute() {
        long now = System.nanoTime();
        long windowStart = now - RATE_WINDOW.toNanos();
        while (!finishes.isEmpty() && finishes.peekFirst() < windowStart) {
            finishes.pollFirst();
        }
        long since = Math.max(windowStart, runStart);
        double minutes = (now - since) / 60e9;
        if (finishes.isEmpty() || minutes < 1.0 / 60) {
            return 0;
        }
        return finishes.size() / minutes;
    }

    /**
     * Reads queued files until none is left in a batch that is not paused, or until {@code stop} says so
     * (then files being read are put back in the queue). One run at a time.
     *
     * @throws app.booksflow.desktop.ocr.OcrUnavailableException when OCR cannot run here (nothing is taken from the queue)
     */
    public void runUntilIdle(BooleanSupplier stop) throws InterruptedException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("An import is already running");
        }
        List<InFlight> inFlight = new ArrayList<>();
        try {
            load();
            OcrEngine ocr = engine();
            int capacity = ocr.settings().workers() * 2;
            synchronized (this) {
                finishes.clear();
                runStart = System.nanoTime();
            }
            changed();
            while (true) {
                boolean stopping = stop.getAsBoolean() || Thread.currentThread().isInterrupted();
                boolean claimedAny = false;
                if (!stopping && inFlight.size() < capacity) {
                    for (Claimed claimed : claim(capacity - inFlight.size())) {
                        claimedAny = true;
                        prepare(claimed, inFlight, ocr).ifPresent(inFlight::add);
                    }
                }
                if (inFlight.isEmpty()) {
                    if (stopping || !claimedAny) {
                        break;
                    }
                    continue;
                }
                boolean committed = false;
                for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext(); ) {
                    InFlight next = it.next();
                    if (next.reading().isDone()) {
                        it.remove();
                        commit(next);
                        committed = true;
                    }
                }
                if (!committed) {
                    if (stopping) {
                        break;
                    }
                    try {
                        inFlight.get(0).reading().get(20, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException | CancellationException e) {
                        // looked at in the next round
                    }
                }
            }
        } finally {
            if (!inFlight.isEmpty()) {
                putBack(inFlight);
            }
            try {
                queue.finishIdleBatches(clock.instant());
            } finally {
                synchronized (idle) {
                    running.set(false);
                    idle.notifyAll();
                }
                changed();
            }
        }
    }

    /** Files whose reading was stopped go back to the queue, to be read in full by a later run. */
    private void putBack(List<InFlight> inFlight) {
        inFlight.forEach(stopped -> stopped.reading().cancel(true));
        List<Long> ids = inFlight.stream().map(stopped -> stopped.claimed().file().id).toList();
        try {
            queue.requeue(ids);
        } catch (RuntimeException e) {
            log.info("Files being read stay marked as such until the next start ({})", e.getMessage());
        }
        synchronized (this) {
            inFlight.forEach(stopped -> {
                if (stopped.claimed().file().state == ImportFileState.READING) {
                    stopped.claimed().file().state = ImportFileState.QUEUED;
                }
            });
        }
    }

    private synchronized OcrEngine engine() {
        if (engine == null) {
            engine = engineFactory.get();
        }
        return engine;
    }

    private record Claimed(BatchState batch, FileState file, Instant at) {
    }

    private record InFlight(Claimed claimed, StoredFile stored, Future<OcrOutcome> reading) {
    }

    /** Takes the next queued files of unpaused batches and marks them as being read. */
    private synchronized List<Claimed> claim(int limit) {
        List<ImportQueue.FileRow> next = queue.nextQueued(limit);
        Instant now = clock.instant();
        List<Long> ids = queue.markReading(next.stream().map(ImportQueue.FileRow::id).toList(), now);
        List<Claimed> claimed = new ArrayList<>();
        for (ImportQueue.FileRow row : next) {
            if (!ids.contains(row.id())) {
                continue;
            }
            BatchState batch = batches.get(row.batch());
            if (batch == null) {
                continue; // queued by another window of the same books: not possible while the store is locked
            }
            FileState file = batch.files.get(row.id());
            file.state = ImportFileState.READING;
            file.reason = null;
            claimed.add(new Claimed(batch, file, now));
        }
        if (!claimed.isEmpty()) {
            changed();
        }
        return claimed;
    }

    /** Hashes and stores the file and looks for its content; starts reading it unless it is done with already. */
    private Optional<InFlight> prepare(Claimed claimed, List<InFlight> inFlight, OcrEngine ocr) {
        Path path = claimed.file().path;
        StoredFile stored;
        try {
            if (!Files.exists(path)) {
                finish(claimed, ImportFileState.FAILED, "The file is no longer there.", null, null);
                return Optional.empty();
            }
            stored = ledger.receipts().store(path);
        } catch (DomainException e) {
            finish(claimed, ImportFileState.FAILED, e.getMessage(), null, null);
            return Optional.empty();
        } catch (UncheckedIOException e) {
            finish(claimed, ImportFileState.FAILED, "The file could not be read ("
                    + Optional.ofNullable(e.getCause().getMessage()).orElse(e.getCause().getClass().getSimpleName()) + ").",
                    null, null);
            return Optional.empty();
        }
        Sha256 sha256 = stored.sha256();
        ClientId client = claimed.batch().client;
        Optional<InFlight> twin = inFlight.stream().filter(other -> other.claimed().batch().client.equals(client)
                && other.stored().sha256().equals(sha256)).findFirst();
        if (twin.isPresent()) {
            finish(claimed, ImportFileState.DUPLICATE, "The same file as " + twin.get().claimed().file().path.getFileName()
                    + ", which is being imported.", sha256, null);
            return Optional.empty();
        }
        Optional<Receipt> existing = ledger.receipts().findByContent(client, sha256);
        if (existing.isPresent()) {
            finish(claimed, ImportFileState.DUPLICATE, duplicateReason(existing.get()), sha256, existing.get().id());
            return Optional.empty();
        }
        Future<OcrOutcome> reading = ocr.submit(ledger.receipts().storedFile(sha256));
        return Optional.of(new InFlight(claimed, stored, reading));
    }

    private static String duplicateReason(Receipt existing) {
        return "Already imported as " + existing.file().originalName() + ".";
    }

    /** What reading found, into the books: a receipt and the file's end state in one transaction. */
    private void commit(InFlight done) throws InterruptedException {
        Claimed claimed = done.claimed();
        OcrOutcome outcome;
        try {
            outcome = done.reading().get();
        } catch (ExecutionException e) {
            finish(claimed, ImportFileState.FAILED, "The file could not be read (" + e.getCause() + ").",
                    done.stored().sha256(), null);
            return;
        } catch (CancellationException e) {
            finish(claimed, ImportFileState.FAILED, "Reading was cancelled.", done.stored().sha256(), null);
            return;
        }
        switch (outcome) {
            case OcrOutcome.Refused refused ->
                    finish(claimed, ImportFileState.FAILED, refused.reason(), done.stored().sha256(), null);
            case OcrOutcome.Read read -> record(claimed, done.stored(), read);
        }
    }

    private void record(Claimed claimed, StoredFile stored, OcrOutcome.Read read) {
        BatchState batch = claimed.batch();
        ReceiptReader.Reading reading;
        try {
            reading = reader.read(read, batch.client, locale.get(), batch.baseCurrency(ledger));
        } catch (RuntimeException e) {
            log.warn("Reading the fields of {} failed; the receipt goes to review", claimed.file().path, e);
            reading = ReceiptReader.NOTHING.read(read, batch.client, locale.get(), batch.baseCurrency(ledger));
        }
        String text = read.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Instant now = clock.instant();
        ReceiptService.Imported imported;
        try {
            imported = ledger.receipts().importRead(ReceiptId.random(), batch.client, stored, claimed.at(),
                    reading.fields(), reading.category(), reading.needsReview(), text, user, (session, result) -> session.doWork(connection ->
                            ImportQueue.finish(connection, claimed.file().id, stateOf(result), reasonOf(result),
                                    stored.sha256(), result.receipt().id(), now)));
        } catch (DomainException e) {
            finish(claimed, ImportFileState.FAILED, e.getMessage(), stored.sha256(), null);
            return;
        }
        settle(claimed, stateOf(imported), reasonOf(imported));
    }

    private static ImportFileState stateOf(ReceiptService.Imported imported) {
        return imported instanceof ReceiptService.Imported.Added ? ImportFileState.DONE : ImportFileState.DUPLICATE;
    }

    private static String reasonOf(ReceiptService.Imported imported) {
        return imported instanceof ReceiptService.Imported.Duplicate duplicate ? duplicateReason(duplicate.receipt()) : null;
    }

    /** A file that makes no receipt: its end state in a transaction of its own. */
    private void finish(Claimed claimed, ImportFileState state, String reason, Sha256 sha256, ReceiptId receipt) {
        queue.finish(claimed.file().id, state, reason, sha256, receipt, clock.instant());
        settle(claimed, state, reason);
    }

    private void settle(Claimed claimed, ImportFileState state, String reason) {
        synchronized (this) {
            claimed.file().state = state;
            claimed.file().reason = reason;
            finishes.addLast(System.nanoTime());
        }
        changed();
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("An import listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        OcrEngine closing;
        synchronized (this) {
            closing = engine;
            engine = null;
        }
        if (closing != null) {
            closing.close();
        }
    }

    private static final class BatchState {
        final UUID id;
        final ClientId client;
        final String source;
        volatile boolean paused;
        final Map<Long, FileState> files = new LinkedHashMap<>();
        private Currency baseCurrency;

        BatchState(UUID id, ClientId client, String source, boolean paused) {
            this.id = id;
            this.client = client;
            this.source = source;
            this.paused = paused;
        }

        void add(FileState file) {
            files.put(file.id, file);
        }

        boolean isFinished() {
            return files.values().stream().allMatch(file -> file.state.isFinished());
        }

        Currency baseCurrency(LedgerServices ledger) {
            if (baseCurrency == null) {
                baseCurrency = ledger.clients().find(client).map(Client::baseCurrency)
                        .orElse(Currency.getInstance(Locale.UK));
            }
            return baseCurrency;
        }
    }

    private static final class FileState {
        final long id;
        final Path path;
        ImportFileState state;
        String reason;

        FileState(long id, Path path, ImportFileState state, String reason) {
            this.id = id;
            this.path = path;
            this.state = state;
            this.reason = reason;
        }
    }
}
