package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "accounts")
public class AccountEntity {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 16)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 10)
    private String type;

    protected AccountEntity() {
    }

    public static AccountEntity from(Account account) {
        AccountEntity entity = new AccountEntity();
        entity.id = account.id().value();
        entity.update(account);
        return entity;
    }

    public void update(Account account) {
        clientId = account.client().value();
        code = account.code();
        name = account.name();
        type = account.type().name();
    }

    public Account toDomain() {
        return new Account(new AccountId(id), new ClientId(clientId), code, name, AccountType.valueOf(type));
    }
}
