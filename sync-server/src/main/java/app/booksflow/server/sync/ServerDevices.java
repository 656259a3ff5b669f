package app.booksflow.server.sync;

import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.UserId;
import app.booksflow.protocol.RejectionCodes;
import app.booksflow.server.ApiException;
import app.booksflow.server.db.Db;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The devices the server pushes under when people write through the REST API (transactions, receipt
 * uploads): one per user, with a fixed id derived from the user's (so that the device registry, the
 * change log and the audit trail say "this user, through the API"), numbered from a database sequence,
 * which keeps increasing across concurrent requests, several server processes and restarts. Their
 * mutations go through the same push as sync, so versions, change log and audit trail are identical.
 */
public final class ServerDevices {

    private final Db db;

    public ServerDevices(Db db) {
        this.db = db;
    }

    public static DeviceId deviceOf(UserId user) {
        return new DeviceId(UUID.nameUUIDFromBytes(("server-api:" + user.value()).getBytes(StandardCharsets.UTF_8)));
    }

    public long nextSequence() {
        return db.inTransaction("next server device sequence", c -> {
            try (PreparedStatement next = c.prepareStatement("select nextval('server_device_sequence')");
                    ResultSet row = next.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /**
     * Reads the answer to a change that has committed. When the server is too busy to read it (no database
     * connection in time), the 503 says that the change was saved and how to get its result: the usual
     * "nothing was changed" of an overloaded request would be untrue.
     */
    public static <T> T readBack(Supplier<T> read, String saved, String retry) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (Db.poolExhausted(e)) {
                throw ApiException.savedButBusy(saved, retry);
            }
            throw e;
        }
    }

    /** The HTTP answer to a refused mutation: whose fault it is, and whether trying again later could help. */
    public static ApiException refused(String code, String message) {
        int status = switch (code) {
            case RejectionCodes.PERMISSION_DENIED -> 403;
            case RejectionCodes.NOT_FOUND -> 404;
            // The books' current state (a closing date, an existing code) stands in the way, not the
            // request's form: reopening the period or renaming would let it through.
            case "PERIOD_CLOSED", "DUPLICATE" -> 409;
            default -> 400;
        };
        return new ApiException(status, code, message);
    }
}
