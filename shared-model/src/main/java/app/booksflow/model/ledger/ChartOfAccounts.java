package app.booksflow.model.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's accounts, with unique codes. */
public record ChartOfAccounts(ClientId client, List<Account> accounts) {

    public ChartOfAccounts {
        Checks.required(client, "The client");
        accounts = Checks.immutableList(accounts, "The chart of accounts");
        Map<String, Account> byCode = new HashMap<>();
        Map<AccountId, Account> byId = new HashMap<>();
        for (Account account : accounts) {
            if (!account.client().equals(client)) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Account " + account + " belongs to another client.");
            }
            Account previous = byCode.put(account.code(), account);
            if (previous != null) {
                throw new DomainException(DomainError.DUPLICATE, "Account code " + account.code()
                        + " is used twice: '" + previous.name() + "' and '" + account.name() + "'.");
            }
            if (byId.put(account.id(), account) != null) {
                throw new DomainException(DomainError.DUPLICATE, "Account " + account + " is listed twice.");
            }
        }
    }

    public Optional<Account> byCode(String code) {
        return accounts.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Account> byId(AccountId id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public List<Account> ofType(AccountType type) {
        return accounts.stream().filter(a -> a.type() == type).toList();
    }
}
