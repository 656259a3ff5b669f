package app.booksflow.model.practice;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.UserId;

/** An accountant keeps the books of a client. */
public record ClientAssignment(UserId accountant, ClientId client) {

    public ClientAssignment {
        Checks.required(accountant, "The accountant");
        Checks.required(client, "The client");
    }

    /** Checks that the user is an accountant of the same practice as the client. */
    public static ClientAssignment of(User accountant, Client client) {
        if (accountant.role() != Role.ACCOUNTANT) {
            throw new DomainException(DomainError.INVALID_STATE,
                    accountant.displayName() + " is not an accountant and cannot be assigned to a client.");
        }
        if (!accountant.organization().equals(client.organization())) {
            throw new DomainException(DomainError.INVALID_STATE,
                    accountant.displayName() + " does not belong to the practice of " + client.name() + ".");
        }
        return new ClientAssignment(accountant.id(), client.id());
    }
}
