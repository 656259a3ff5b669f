package app.booksflow.desktop.receipts.imports;

import app.booksflow.model.id.ClientId;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the files that appear in a folder (and its subfolders) for one client, each version of a file
 * once, and only once it is complete: its size and modification time must be the same at two checks in
 * a row (a file still being copied or saved changes between them), it must not have changed for two
 * intervals and it must open for reading (Windows locks a file being written). The folder is looked at every
 * {@code interval} and as soon as the system reports a change in it (java.nio WatchService, where it
 * works; the periodic look covers network drives and subfolders). Files being written by common tools
 * under a temporary name (.part, .crdownload, .tmp, hidden files) are left until renamed.
 *
 * <p>Runs on a daemon thread of its own; {@link #close()} stops it.
 */
public final class WatchFolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchFolder.class);
    private static final Set<String> TEMPORARY = Set.of("part", "crdownload", "tmp", "download", "partial");

    private final ReceiptImporter importer;
    private final ClientId client;
    private final Path folder;
    private final Duration interval;
    private final Consumer<Integer> queued;
    private final Thread thread;
    private volatile boolean stopped;
    /** Opened by the watcher's thread and closed by whoever stops first, both under this object's lock. */
    private WatchService watcher;

    /** What a file looked like at the last check. */
    private record Seen(long size, Instant modified) {
    }

    private final Map<Path, Seen> lastSeen = new HashMap<>();
    private final Set<String> alreadyQueued = new HashSet<>();

    /**
     * @param queued hears how many files a check queued (on the watcher's thread), so a run can be started
     */
    private WatchFolder(ReceiptImporter importer, ClientId client, Path folder, Duration interval,
            Consumer<Integer> queued) {
        this.importer = Objects.requireNonNull(importer);
        this.client = Objects.requireNonNull(client);
        this.folder = folder.toAbsolutePath().normalize();
        this.interval = Objects.requireNonNull(interval);
        this.queued = Objects.requireNonNull(queued);
        this.thread = new Thread(this::watch, "receipt-watch-folder");
        this.thread.setDaemon(true);
    }

    public static WatchFolder start(ReceiptImporter importer, ClientId client, Path folder, Duration interval,
            Consumer<Integer> queued) {
        WatchFolder watch = new WatchFolder(importer, client, folder, interval, queued);
        watch.thread.start();
        return watch;
    }

    public Path folder() {
        return folder;
    }

    public ClientId client() {
        return client;
    }

    private void watch() {
        try {
            openWatcher();
            while (!stopped) {
                try {
                    check();
                    awaitChangeOrInterval();
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    return;
                } catch (RuntimeException e) {
                    // The books busy or closing, a file vanishing under us: the next check tries again.
                    log.warn("Checking the watch folder {} failed", folder, e);
                    try {
                        Thread.sleep(interval.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        } finally {
            closeWatcher();
        }
    }

    /** Change events for the folder, unless it is already stopped; without them it is looked at every interval. */
    private synchronized void openWatcher() {
        if (stopped) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            log.info("No change events for {} ({}); it is looked at every {} s", folder, e.getMessage(),
                    interval.toSeconds());
            closeWatcher();
        }
    }

    private synchronized void closeWatcher() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        watcher = null;
    }

    private void awaitChangeOrInterval() throws InterruptedException {
        WatchService events;
        synchronized (this) {
            events = watcher;
        }
        if (events == null) {
            Thread.sleep(interval.toMillis());
            return;
        }
        // A change only shortens the wait to the next check; stability still needs a second look later.
        WatchKey key = events.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
            Thread.sleep(Math.min(interval.toMillis(), 250));
        }
    }

    /** One look at the folder: queues the files that are complete and were not queued before. Package-visible for tests. */
    void check() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Instant checkedAt = Instant.now();
        Map<Path, Seen> now = new HashMap<>();
        for (ImportQueue.NewFile file : FolderScan.scan(List.of(folder))) {
            if (!isTemporary(file.path()) && file.modified() != null) {
                now.put(file.path(), new Seen(file.size(), file.modified()));
            }
        }
        List<ImportQueue.NewFile> complete = new ArrayList<>();
        for (Map.Entry<Path, Seen> entry : now.entrySet()) {
            Seen seen = entry.getValue();
            String version = entry.getKey() + "|" + seen.size() + "|" + seen.modified();
            if (!seen.equals(lastSeen.get(entry.getKey())) || alreadyQueued.contains(version)
                    || seen.modified().isAfter(checkedAt.minus(interval.multipliedBy(2))) || !canOpen(entry.getKey())) {
                continue;
            }
            if (importer.queue().wasQueued(entry.getKey(), seen.size(), seen.modified())) {
                alreadyQueued.add(version);
                continue;
            }
            complete.add(new ImportQueue.NewFile(entry.getKey(), seen.size(), seen.modified()));
            alreadyQueued.add(version);
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        if (!complete.isEmpty()) {
            complete.sort((a, b) -> a.path().toString().compareToIgnoreCase(b.path().toString()));
            importer.enqueue(client, complete, "Watch folder " + folder);
            log.info("{} new receipt files in the watch folder {} queued", complete.size(), folder);
            queued.accept(complete.size());
        }
    }

    /** False while another program holds the file locked for writing (Windows). */
    private static boolean canOpen(Path file) {
        try (var channel = Files.newByteChannel(file)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return name.startsWith("~$") || (dot >= 0 && TEMPORARY.contains(name.substring(dot + 1)));
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        closeWatcher();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
