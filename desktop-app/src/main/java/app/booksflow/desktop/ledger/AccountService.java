package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.ChartOfAccounts;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's chart of accounts. Accounts can be added and renamed but never change type: the
 * dashboards have already counted their history as income, expense or balance-sheet movements.
 */
public final class AccountService {

    private final Writes writes;

    AccountService(Writes writes) {
        this.writes = writes;
    }

    public ChartOfAccounts chart(ClientId client) {
        return writes.store().read(session -> new ChartOfAccounts(client, session
                .createSelectionQuery("from AccountEntity where clientId = :client order by code", AccountEntity.class)
                .setParameter("client", client.value()).getResultList().stream().map(AccountEntity::toDomain).toList()));
    }

    public Account create(ClientId client, String code, String name, AccountType type, String user) {
        return writes.run(user, context -> {
            context.client(client);
            Account account = new Account(AccountId.random(), client, code, name, type);
            List<Account> accounts = new ArrayList<>(context.session()
                    .createSelectionQuery("from AccountEntity where clientId = :client", AccountEntity.class)
                    .setParameter("client", client.value()).getResultList().stream().map(AccountEntity::toDomain).toList());
            accounts.add(account);
            new ChartOfAccounts(client, accounts); // refuses a code that is already taken
            context.session().persist(AccountEntity.from(account));
            context.audit(AuditEntry.of(client, EntityType.ACCOUNT, account.id().value(), AuditAction.CREATE, null,
                    account, RiskRules.of(AuditAction.CREATE, false, false), "Added account " + account));
            return account;
        });
    }

    /**
     * The ledger's account order reads the name from the transaction rows: they follow a rename. The old
     * name leads the account index after the client; the first splits say which of those rows book to
     * this account (two accounts may share a name).
     */
    static void followRename(WriteContext context, Account before, Account after) {
        context.session().createNativeMutationQuery("""
                update transactions set main_account_name = :name
                where client_id = :client and main_account_name = :old
                  and id in (select s.transaction_id from splits s where s.account_id = :account and s.line_no = 0)
                """).setParameter("name", after.name()).setParameter("client", before.client().value())
                .setParameter("old", before.name()).setParameter("account", before.id().value()).executeUpdate();
    }

    public Account rename(AccountId id, String newName, String user) {
        return writes.run(user, context -> rename(context, id, newName));
    }

    static Account rename(WriteContext context, AccountId id, String newName) {
        AccountEntity entity = context.session().find(AccountEntity.class, id.value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE, "The account " + id + " does not exist on this device.");
        }
        Account before = entity.toDomain();
        Account after = new Account(before.id(), before.client(), before.code(), newName, before.type());
        entity.update(after);
        followRename(context, before, after);
        context.audit(AuditEntry.of(before.client(), EntityType.ACCOUNT, id.value(), AuditAction.UPDATE, before, after,
                RiskRules.of(AuditAction.UPDATE, false, false), "Renamed account " + before + " to " + after.name()));
        return after;
    }
}
