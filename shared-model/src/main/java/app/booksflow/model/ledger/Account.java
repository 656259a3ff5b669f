package app.booksflow.model.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.util.regex.Pattern;

/** An account in a client's chart of accounts, for example "6100 Office supplies". */
public record Account(AccountId id, ClientId client, String code, String name, AccountType type) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,15}");

    public Account {
        Checks.required(id, "The account id");
        Checks.required(client, "The account's client");
        code = Checks.requiredText(code, "The account code", 16);
        if (!CODE.matcher(code).matches()) {
            throw new DomainException(DomainError.INVALID_FORMAT,
                    "'" + code + "' is not an account code; use letters, digits, dots and dashes, such as 6100.");
        }
        name = Checks.requiredText(name, "The account name", 120);
        Checks.required(type, "The account type");
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
