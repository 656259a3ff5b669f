package app.booksflow.desktop.syncstate;

import app.booksflow.model.Checks;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The server these books sync with, the user they sync as and this device's id there. */
public record SyncAccount(String serverUrl, String email, UserId user, OrganizationId organization, DeviceId device,
        Instant signedInAt) {

    public SyncAccount {
        serverUrl = Checks.requiredText(serverUrl, "The server address", 500);
        email = Checks.requiredText(email, "The email address", 320);
        Checks.required(user, "The user");
        Checks.required(organization, "The practice");
        Checks.required(device, "The device id");
        Checks.required(signedInAt, "The time of signing in");
    }

    /** The account, or empty when these books have never been signed in to a server. */
    public static Optional<SyncAccount> read(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select server_url, email, user_id, organization_id, device_id, signed_in_at from sync_account where id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new SyncAccount(row.getString(1), row.getString(2), new UserId(row.getObject(3, UUID.class)),
                    new OrganizationId(row.getObject(4, UUID.class)), new DeviceId(row.getObject(5, UUID.class)),
                    row.getTimestamp(6).toInstant()));
        }
    }

    public void save(Connection c) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("""
                merge into sync_account (id, server_url, email, user_id, organization_id, device_id, signed_in_at)
                key (id) values (1, ?, ?, ?, ?, ?, ?)""")) {
            merge.setString(1, serverUrl);
            merge.setString(2, email);
            merge.setObject(3, user.value());
            merge.setObject(4, organization.value());
            merge.setObject(5, device.value());
            merge.setTimestamp(6, Timestamp.from(signedInAt));
            merge.executeUpdate();
        }
    }
}
