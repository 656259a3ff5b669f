package app.booksflow.server.accounts;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.Role;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user a request acts for, with what they may see: admins every client of their
 * practice, accountants the clients assigned to them, client users their own client.
 */
public record Caller(UserId user, OrganizationId organization, Role role, Optional<ClientId> ownClient,
        Set<ClientId> assignedClients) {

    public Caller {
        assignedClients = Set.copyOf(assignedClients);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see the client, given that the client belongs to the caller's practice. */
    public boolean mayAccess(ClientId client) {
        return switch (role) {
            case ADMIN -> true;
            case ACCOUNTANT -> assignedClients.contains(client);
            case CLIENT -> ownClient.filter(client::equals).isPresent();
        };
    }
}
