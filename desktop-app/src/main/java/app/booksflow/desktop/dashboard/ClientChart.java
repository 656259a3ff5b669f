package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.TaxCode;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** What turning a client's transactions into dashboard figures needs: its currency, account types and tax codes. */
public final class ClientChart {

    private final ClientId client;
    private final Currency currency;
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<TaxCodeId, TaxCode> taxCodes = new HashMap<>();

    public ClientChart(ClientId client, Currency currency, Collection<Account> accounts, Collection<TaxCode> taxCodes) {
        this.client = client;
        this.currency = currency;
        accounts.forEach(account -> this.accounts.put(account.id(), account));
        taxCodes.forEach(code -> this.taxCodes.put(code.id(), code));
    }

    public static ClientChart load(Session session, ClientId client, Currency currency) {
        var accounts = session.createSelectionQuery("from AccountEntity where clientId = :client", AccountEntity.class)
                .setParameter("client", client.value()).getResultList().stream().map(AccountEntity::toDomain).toList();
        var codes = session.createSelectionQuery("from TaxCodeEntity where clientId = :client", TaxCodeEntity.class)
                .setParameter("client", client.value()).getResultList().stream().map(TaxCodeEntity::toDomain).toList();
        return new ClientChart(client, currency, accounts, codes);
    }

    public ClientId client() {
        return client;
    }

    public Currency currency() {
        return currency;
    }

    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<AccountType> type(AccountId id) {
        return account(id).map(Account::type);
    }

    public Optional<TaxCode> taxCode(TaxCodeId id) {
        return Optional.ofNullable(taxCodes.get(id));
    }

    /** For {@code Transaction.postings}: refuses a tax code of another client instead of returning null. */
    public TaxCode requireTaxCode(TaxCodeId id) {
        return taxCode(id).orElseThrow(() -> new DomainException(DomainError.INVALID_STATE,
                "Tax code " + id + " is not one of this client's tax codes."));
    }

    /** Makes later additions (a new account) visible to the rest of the same write. */
    public void add(Account account) {
        accounts.put(account.id(), account);
    }

    public void add(TaxCode taxCode) {
        taxCodes.put(taxCode.id(), taxCode);
    }
}
