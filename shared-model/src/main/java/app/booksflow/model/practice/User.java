package app.booksflow.model.practice;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person who signs in. A user with the {@link Role#CLIENT} role belongs to exactly one client;
 * admins and accountants belong to none (accountants are linked to clients by {@link ClientAssignment}).
 */
public record User(UserId id, OrganizationId organization, String email, String displayName, Role role,
        Optional<ClientId> client) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public User {
        Checks.required(id, "The user id");
        Checks.required(organization, "The user's practice");
        email = Checks.requiredText(email, "The email address", 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new DomainException(DomainError.INVALID_FORMAT, "'" + email + "' is not an email address.");
        }
        displayName = Checks.requiredText(displayName, "The name", 200);
        Checks.required(role, "The role");
        Checks.required(client, "The client link");
        if (role == Role.CLIENT && client.isEmpty()) {
            throw new DomainException(DomainError.REQUIRED, "A user with the client role must belong to a client.");
        }
        if (role != Role.CLIENT && client.isPresent()) {
            throw new DomainException(DomainError.INVALID_STATE,
                    "Only users with the client role belong to a client; assign accountants instead.");
        }
    }
}
