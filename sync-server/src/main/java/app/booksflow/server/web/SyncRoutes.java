package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.DeviceId;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.PushRequest;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchResponse;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.metrics.SyncLag;
import app.booksflow.server.sync.ChecksumService;
import app.booksflow.server.sync.PullService;
import app.booksflow.server.sync.PushService;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.UUID;

/** The sync protocol: push a device's mutations, pull a client's changes, compare checksums. */
public final class SyncRoutes implements RouteGroup {

    private final PushService push;
    private final PullService pull;
    private final ChecksumService checksums;
    private final SyncLag lag;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public SyncRoutes(PushService push, PullService pull, ChecksumService checksums, SyncLag lag, JsonBodies bodies,
            ObjectMapper json) {
        this.push = push;
        this.pull = pull;
        this.checksums = checksums;
        this.lag = lag;
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/sync/push", ctx -> ctx.json(push.push(Requests.caller(ctx), bodies.read(ctx, PushRequest.class))));
        routes.get("/api/v1/sync/pull", ctx -> {
            requireSchemaVersion(ctx);
            String after = ctx.queryParam("after");
            PullService.Page page = pull.pull(Requests.caller(ctx), Requests.requiredId(ctx, "client", ClientId::new),
                    after == null || after.isBlank() ? Cursor.START : new Cursor(after),
                    Requests.intParam(ctx, "limit", 1000), Requests.secondsParam(ctx, "wait"));
            ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
            try (JsonGenerator out = json.getFactory().createGenerator(body)) {
                page.writeTo(out);
            }
            ctx.contentType("application/json").result(body.toByteArray());
        });
        routes.post("/api/v1/sync/watch", ctx -> {
            Caller caller = Requests.caller(ctx);
            Optional<DeviceId> device = device(ctx);
            WatchResponse response = pull.watch(caller, bodies.read(ctx, WatchRequest.class));
            device.filter(id -> pull.isDeviceOf(caller, id))
                    .ifPresent(id -> lag.observe(id.value(), response.changesWaiting()));
            ctx.json(response);
        });
        routes.get("/api/v1/sync/checksum", ctx -> {
            requireSchemaVersion(ctx);
            ctx.json(checksums.checksum(Requests.caller(ctx), Requests.requiredId(ctx, "client", ClientId::new)));
        });
    }

    /** The asking device, when named; a header that is not a device id is refused rather than ignored. */
    private static Optional<DeviceId> device(Context ctx) {
        String header = ctx.header(ProtocolVersion.DEVICE_HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeviceId(UUID.fromString(header.strip())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_DEVICE", "The " + ProtocolVersion.DEVICE_HEADER
                    + " header must be the device's id, a UUID; got '" + header + "'.");
        }
    }

    /** GET requests carry the protocol version in a header; absent means the current one. */
    private static void requireSchemaVersion(Context ctx) {
        String header = ctx.header(ProtocolVersion.HEADER);
        if (header == null) {
            return;
        }
        try {
            ProtocolVersion.requireSupported(Integer.parseInt(header.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_SCHEMA_VERSION", ProtocolVersion.HEADER + " must be a number.");
        }
    }
}
