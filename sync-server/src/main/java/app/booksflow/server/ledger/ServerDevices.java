package app.booksflow.server.ledger;

import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.UserId;
import app.booksflow.server.db.Db;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * The devices the server pushes under when people post through the REST API: one per user, with a
 * fixed id derived from the user's (so that the device registry, the change log and the audit trail
 * say "this user, through the API"), numbered from a database sequence, which keeps increasing across
 * concurrent requests, several server processes and restarts.
 */
final class ServerDevices {

    private final Db db;

    ServerDevices(Db db) {
        this.db = db;
    }

    static DeviceId deviceOf(UserId user) {
        return new DeviceId(UUID.nameUUIDFromBytes(("server-api:" + user.value()).getBytes(StandardCharsets.UTF_8)));
    }

    long nextSequence() {
        return db.inTransaction("next server device sequence", c -> {
            try (PreparedStatement next = c.prepareStatement("select nextval('server_device_sequence')");
                    ResultSet row = next.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
