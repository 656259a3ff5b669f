package app.booksflow.server.sync;

import app.booksflow.model.id.ClientId;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The one check every read of a client's data goes through: another practice's client is "not
 * found" (whether or not it exists), a client of the caller's practice that they are not assigned to
 * is "forbidden".
 */
public final class ClientAccess {

    private ClientAccess() {
    }

    public static void require(Connection c, Caller caller, ClientId client) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select organization_id from clients where id = ?")) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !caller.organization().value().equals(row.getObject(1, UUID.class))) {
                    throw ApiException.notFound("Client " + client);
                }
            }
        }
        if (!caller.mayAccess(client)) {
            throw ApiException.forbidden("You are not assigned to this client.");
        }
    }
}
