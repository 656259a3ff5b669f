package app.booksflow.desktop.sync;

import app.booksflow.desktop.ledger.ReceiptFileSource;
import app.booksflow.desktop.ledger.ReceiptFiles;
import app.booksflow.desktop.syncstate.Outbox;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import app.booksflow.protocol.Operation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipt files between this device and the server, by content hash (decision 9). Up: before a push
 * batch with receipts goes out, each receipt's file that is on this device is made sure of on the
 * server (asked, then uploaded when missing), so the server never holds a receipt of this device
 * without its file; the server would accept one (receipts do not refer to the blobs table). Down: a
 * file is fetched when something needs it, verified and kept in the receipt store.
 */
final class ReceiptTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptTransfers.class);

    private final ObjectMapper json = BooksFlowJson.newMapper();
    /** Files the server has confirmed while this engine runs: not asked about again. */
    private final Set<Sha256> onServer = ConcurrentHashMap.newKeySet();
    /** Tries at one file in a round; the next round goes on from where the last one stopped. */
    static final int UPLOAD_ATTEMPTS = 5;
    private static final Duration SERVER_CATCHING_UP = Duration.ofMillis(250);
    /** Told of a file's way up as it goes, and with nothing once it has arrived or failed. */
    private final Consumer<Optional<SyncStatus.Sending>> progress;

    /** @param progress told of each file's way up (for the status bar), and with nothing when it ends */
    ReceiptTransfers(Consumer<Optional<SyncStatus.Sending>> progress) {
        this.progress = progress;
    }

    /**
     * Makes sure the server has the file of every receipt the batch creates or changes. A file not on
     * this device came from the server (a receipt synced from another device, never opened here) and is
     * not sent. An upload that breaks off goes on from the byte where the server's copy of it stopped
     * (ADR 0044), a few times; one that still fails fails the push: the batch waits, and the next round
     * goes on with it. A file the server refuses for good (damaged on this disk, so its hash no longer
     * matches) cannot be helped by waiting: the receipt goes without it.
     */
    void sendFiles(SyncClient client, String token, ReceiptFiles files, List<Outbox.Pending> batch) {
        Map<Sha256, StoredFile> named = new LinkedHashMap<>();
        for (Outbox.Pending pending : batch) {
            if (pending.type() == EntityType.RECEIPT && pending.operation() == Operation.UPSERT && pending.payload() != null) {
                StoredFile file = fileOf(pending);
                named.putIfAbsent(file.sha256(), file);
            }
        }
        for (StoredFile file : named.values()) {
            Sha256 hash = file.sha256();
            if (onServer.contains(hash)) {
                continue;
            }
            if (!files.has(hash)) {
                LOG.debug("Receipt file {} is not on this device; the server has it from the device that added it", hash);
                continue;
            }
            SyncClient.BlobStatus status = client.blobStatus(token, hash);
            if (!status.exists()) {
                try {
                    upload(client, token, hash, files.path(hash), file, status.received());
                } catch (SyncException e) {
                    // 409: the server was still taking in another try of this file; the next round goes on.
                    if (e.kind() != SyncException.Kind.REFUSED || e.isTransient() || e.status() == 409) {
                        throw e;
                    }
                    LOG.warn("The server refused the receipt file {} ({}): {}; the receipt is sent without it", hash,
                            e.code(), e.getMessage());
                    continue;
                }
            }
            onServer.add(hash);
        }
    }

    /**
     * Sends the file, from the byte the server kept of an earlier upload that broke off, telling the status
     * bar how far it has got. When the connection breaks on the way, the server is asked what it kept and
     * the rest is sent, up to {@value #UPLOAD_ATTEMPTS} tries in all; a server that holds a different start
     * than it said (another request of this user went on with it meanwhile) is asked again the same way.
     */
    private void upload(SyncClient client, String token, Sha256 hash, Path path, StoredFile file, long from) {
        LongConsumer sent = bytes -> progress.accept(Optional.of(new SyncStatus.Sending(file.originalName(), bytes,
                file.size())));
        long start = from;
        try {
            for (int attempt = 1; ; attempt++) {
                sent.accept(start > 0 && start < file.size() ? start : 0);
                try {
                    client.uploadBlob(token, hash, path, file.mediaType(), start, sent);
                    return;
                } catch (SyncException e) {
                    boolean brokeOff = e.kind() == SyncException.Kind.OFFLINE;
                    boolean startMoved = e.status() == 409;
                    if (!(brokeOff || startMoved) || attempt == UPLOAD_ATTEMPTS) {
                        throw e;
                    }
                    // The server may still be taking in what arrived before the break: give it a moment, then ask.
                    pause(SERVER_CATCHING_UP);
                    start = client.blobStatus(token, hash).received(); // offline still: this fails, and the round ends
                    LOG.debug("The upload of {} broke off ({}); going on from byte {}", hash, e.getMessage(), start);
                }
            }
        } finally {
            progress.accept(Optional.empty());
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.OFFLINE, 0, "STOPPED", "Sync was stopped.", e);
        }
    }

    /** The file on this device, fetched from the server first when it is not. */
    Path fetch(SyncClient client, String token, ReceiptFiles files, StoredFile file) {
        if (files.has(file.sha256())) {
            return files.path(file.sha256());
        }
        Path stored = client.downloadBlob(token, file.sha256(), body -> files.storeVerified(file, body));
        onServer.add(file.sha256());
        return stored;
    }

    /** A failure to fetch, in the accountant's words. */
    static ReceiptFileSource.Unavailable unavailable(RuntimeException e) {
        if (e instanceof ReceiptFileSource.Unavailable already) {
            return already;
        }
        if (e instanceof DomainException damaged) {
            return new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.DAMAGED, damaged.getMessage());
        }
        if (e instanceof SyncException sync) {
            return switch (sync.kind()) {
                case OFFLINE -> new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.OFFLINE,
                        "The file is on the server; it will be fetched when online.");
                case SIGNED_OUT -> new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.NOT_SIGNED_IN,
                        "The file is on the server; sign in again (Settings, Sync) to fetch it.");
                case SERVER -> new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.OFFLINE,
                        "The file is on the server, which cannot send it now (" + sync.getMessage()
                                + "); it will be fetched later.");
                case REFUSED -> sync.status() == 404
                        ? new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.NOT_ON_SERVER,
                                "The file is not on this device, and the server does not have it yet: the device "
                                        + "that added the receipt sends it when it syncs.")
                        : new ReceiptFileSource.Unavailable(ReceiptFileSource.Reason.FAILED,
                                "The server did not send the file: " + sync.getMessage());
            };
        }
        throw e;
    }

    private StoredFile fileOf(Outbox.Pending pending) {
        try {
            return json.readValue(pending.payload(), Receipt.class).file();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox row " + pending.sequence() + " holds a receipt that cannot be read", e);
        }
    }
}
