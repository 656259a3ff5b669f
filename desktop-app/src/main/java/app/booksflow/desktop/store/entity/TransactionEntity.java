package app.booksflow.desktop.store.entity;

import app.booksflow.desktop.store.TextKeys;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "transactions")
public class TransactionEntity {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private LocalDate date;

    @Column(nullable = false, length = 200)
    private String payee;

    /** The payee in lower case the same in every language ({@link TextKeys}): the ledger's payee order. */
    @Column(name = "payee_key", nullable = false, length = 200)
    private String payeeKey;

    @Column(nullable = false, length = 2000)
    private String memo;

    @Column(name = "bank_account_id", nullable = false)
    private UUID bankAccountId;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(nullable = false, length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    @Column(nullable = false, length = 10)
    private String status;

    /** The first split's account name, kept here so that the ledger can sort by it through an index. */
    @Column(name = "main_account_name", nullable = false, length = 120)
    private String mainAccountName;

    /** Raised by Hibernate on every update: an edit made on a stale copy is refused. */
    @Version
    @Column(nullable = false)
    private long version;

    @ElementCollection
    @CollectionTable(name = "splits", joinColumns = @JoinColumn(name = "transaction_id"))
    @OrderColumn(name = "line_no")
    private List<SplitLine> splits = new ArrayList<>();

    protected TransactionEntity() {
    }

    /** @param mainAccountName the name of the first split's account */
    public static TransactionEntity from(Transaction transaction, String mainAccountName) {
        TransactionEntity entity = new TransactionEntity();
        entity.id = transaction.id().value();
        entity.update(transaction, mainAccountName);
        return entity;
    }

    /** @param mainAccountName the name of the first split's account */
    public void update(Transaction transaction, String mainAccountName) {
        clientId = transaction.client().value();
        date = transaction.date();
        payee = transaction.payee();
        payeeKey = TextKeys.lower(payee);
        memo = transaction.memo();
        bankAccountId = transaction.bankAccount().value();
        totalMinor = transaction.total().minorUnits();
        currency = transaction.total().currency().getCurrencyCode();
        status = transaction.status().name();
        this.mainAccountName = mainAccountName;
        splits.clear();
        for (Split split : transaction.splits()) {
            splits.add(SplitLine.from(split));
        }
    }

    public long version() {
        return version;
    }

    public Transaction toDomain() {
        return new Transaction(new TransactionId(id), new ClientId(clientId), date, payee, memo,
                new AccountId(bankAccountId), Money.ofMinor(totalMinor, Currency.getInstance(currency)),
                TransactionStatus.valueOf(status), splits.stream().map(SplitLine::toDomain).toList());
    }
}
