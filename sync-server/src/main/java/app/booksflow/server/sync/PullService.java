package app.booksflow.server.sync;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchResponse;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a client's change log after a device's cursor, in commit order. Change numbers are handed
 * out under the client's row lock at commit time, so a reader never sees number N+1 before N has
 * committed: the cursor is gap-free and never skips a late commit.
 */
public final class PullService {

    public static final int MAX_LIMIT = 5000;
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Db db;
    private final ChangeNotifier notifier;
    private final AtomicInteger waiting = new AtomicInteger();

    public PullService(Db db, ChangeNotifier notifier) {
        this.db = db;
        this.notifier = notifier;
    }

    /**
     * One page of changes as stored: the payloads stay the JSON text they were written as, and are
     * copied into the response without being parsed again.
     */
    public record Page(ClientId client, List<StoredChange> changes, Cursor nextCursor, boolean hasMore) {

        /** Writes the page in the shape of {@link app.booksflow.protocol.PullResponse}. */
        public void writeTo(JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("schemaVersion", ProtocolVersion.CURRENT);
            out.writeStringField("clientId", client.toString());
            out.writeArrayFieldStart("changes");
            for (StoredChange change : changes) {
                out.writeStartObject();
                out.writeStringField("clientId", client.toString());
                out.writeStringField("entityType", change.entityType());
                out.writeStringField("entityId", change.entityId().toString());
                out.writeStringField("kind", change.kind());
                out.writeNumberField("version", change.version());
                if (change.payload() != null) {
                    out.writeFieldName("payload");
                    out.writeRawValue(change.payload());
                }
                out.writeStringField("mutationId", change.mutationId().toString());
                out.writeStringField("deviceId", change.deviceId().toString());
                out.writeStringField("committedAt", change.committedAt().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringField("nextCursor", nextCursor.token());
            out.writeBooleanField("hasMore", hasMore);
            out.writeEndObject();
        }
    }

    /** A row of the change log. */
    public record StoredChange(String entityType, UUID entityId, String kind, long version, String payload,
            UUID mutationId, UUID deviceId, java.time.Instant committedAt) {
    }

    /** @param wait how long to wait for the first new change when there is none yet (long poll) */
    public Page pull(Caller caller, ClientId client, Cursor after, int limit, Duration wait) {
        long position = position(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_LIMIT", "The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw ApiException.badRequest("INVALID_WAIT", "The wait must be between 0 and " + MAX_WAIT.toSeconds() + " seconds.");
        }
        db.read("check client access", c -> {
            ClientAccess.require(c, caller, client);
            return null;
        });
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            CompletableFuture<Void> signal = notifier.nextChange(client);
            Page page = page(client, position, limit);
            long remaining = deadline - System.nanoTime();
            if (!page.changes().isEmpty() || remaining <= 0) {
                return page;
            }
            try {
                await(signal, remaining);
            } catch (TimeoutException e) {
                return page;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The clients the caller may see and those with changes after the device's cursors, waiting up to
     * the request's wait for one to get a change when none has (one long poll for all of a device's
     * clients). A client made visible while waiting is seen at the next watch.
     */
    public WatchResponse watch(Caller caller, WatchRequest request) {
        Map<ClientId, Long> known = new HashMap<>();
        for (WatchRequest.ClientCursor cursor : request.cursors()) {
            known.put(cursor.clientId(), position(cursor.cursor()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(request.waitSeconds()).toNanos();
        while (true) {
            Map<ClientId, Long> heads = heads(caller);
            CompletableFuture<?> signal = CompletableFuture.anyOf(
                    heads.keySet().stream().map(notifier::nextChange).toArray(CompletableFuture[]::new));
            heads = heads(caller); // read after taking the signals, so a commit in between still wakes us
            List<WatchResponse.ClientBacklog> behind = heads.entrySet().stream()
                    .filter(head -> head.getValue() > known.getOrDefault(head.getKey(), 0L))
                    .map(head -> new WatchResponse.ClientBacklog(head.getKey(),
                            head.getValue() - known.getOrDefault(head.getKey(), 0L)))
                    .toList();
            long remaining = deadline - System.nanoTime();
            if (!behind.isEmpty() || remaining <= 0 || heads.isEmpty() || notifier.isClosed()) {
                return WatchResponse.withBacklog(List.copyOf(heads.keySet()), behind);
            }
            try {
                await(signal, remaining);
            } catch (TimeoutException e) {
                return WatchResponse.of(List.copyOf(heads.keySet()), List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return WatchResponse.of(List.copyOf(heads.keySet()), List.of());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for a change, counted among the long polls waiting meanwhile. */
    private void await(CompletableFuture<?> signal, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        waiting.incrementAndGet();
        try {
            signal.get(nanos, TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Pulls and watches waiting for a change now (long polls); the gauge {@code booksflow.sync.polls.waiting}. */
    public int waitingPolls() {
        return waiting.get();
    }

    /** Whether the device is registered to the caller (its first push registers it). */
    public boolean isDeviceOf(Caller caller, DeviceId device) {
        return db.read("device owner", c -> {
            try (PreparedStatement select = c.prepareStatement("select 1 from devices where id = ? and user_id = ?")) {
                select.setObject(1, device.value());
                select.setObject(2, caller.user().value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** The last change number of every client the caller may see, by client id. */
    private Map<ClientId, Long> heads(Caller caller) {
        return db.read("client heads", c -> {
            Map<ClientId, Long> heads = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "select id, change_seq from clients where organization_id = ? order by id")) {
                select.setObject(1, caller.organization().value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ClientId client = new ClientId(row.getObject(1, UUID.class));
                        if (caller.mayAccess(client)) {
                            heads.put(client, row.getLong(2));
                        }
                    }
                }
            }
            return heads;
        });
    }

    private Page page(ClientId client, long position, int limit) {
        return db.read("pull", c -> {
            List<StoredChange> changes = new ArrayList<>(Math.min(limit, 1024));
            long last = position;
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement("""
                    select seq, entity_type, entity_id, kind, version, payload, mutation_id, device_id, committed_at
                    from change_log where client_id = ? and seq > ? order by seq limit ?""")) {
                select.setObject(1, client.value());
                select.setLong(2, position);
                select.setInt(3, limit + 1);
                select.setFetchSize(limit + 1);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if (changes.size() == limit) {
                            more = true;
                            break;
                        }
                        last = row.getLong(1);
                        changes.add(new StoredChange(row.getString(2), row.getObject(3, UUID.class), row.getString(4),
                                row.getLong(5), row.getString(6), row.getObject(7, UUID.class),
                                row.getObject(8, UUID.class), row.getTimestamp(9).toInstant()));
                    }
                }
            }
            return new Page(client, changes, new Cursor(Long.toString(last)), more);
        });
    }

    static long position(Cursor cursor) {
        try {
            long position = Long.parseLong(cursor.token());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_CURSOR",
                "'" + cursor.token() + "' is not a cursor this server gave out; start again from 0.");
    }
}
