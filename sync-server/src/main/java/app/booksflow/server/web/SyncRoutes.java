package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.PushRequest;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.server.ApiException;
import app.booksflow.server.sync.ChecksumService;
import app.booksflow.server.sync.PullService;
import app.booksflow.server.sync.PushService;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.io.ByteArrayOutputStream;
import io.javalin.http.Context;

/** The sync protocol: push a device's mutations, pull a client's changes, compare checksums. */
public final class SyncRoutes implements RouteGroup {

    private final PushService push;
    private final PullService pull;
    private final ChecksumService checksums;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public SyncRoutes(PushService push, PullService pull, ChecksumService checksums, JsonBodies bodies, ObjectMapper json) {
        this.json = json;
        this.push = push;
        this.pull = pull;
        this.checksums = checksums;
        this.bodies = bodies;
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
        routes.post("/api/v1/sync/watch", ctx -> ctx.json(pull.watch(Requests.caller(ctx), bodies.read(ctx, WatchRequest.class))));
        routes.get("/api/v1/sync/checksum", ctx -> {
            requireSchemaVersion(ctx);
            ctx.json(checksums.checksum(Requests.caller(ctx), Requests.requiredId(ctx, "client", ClientId::new)));
        });
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
