package app.booksflow.model.practice;

import app.booksflow.model.Checks;
import app.booksflow.model.id.OrganizationId;

/** The practice: the tenant that owns users, clients and their books. */
public record Organization(OrganizationId id, String name) {

    public Organization {
        Checks.required(id, "The practice id");
        name = Checks.requiredText(name, "The practice name", 200);
    }
}
