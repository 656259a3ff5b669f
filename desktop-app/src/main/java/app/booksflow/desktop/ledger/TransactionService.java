package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Creating, editing, deleting, posting and unposting transactions. Every write checks the domain
 * rules and the client's closed period (for an edit both the old and the new date), writes an audit
 * event and moves the dashboards, in one database transaction.
 */
public final class TransactionService {

    private final Writes writes;

    TransactionService(Writes writes) {
        this.writes = writes;
    }

    public StoredTransaction create(Transaction transaction, String user) {
        return writes.run(user, context -> {
            TransactionEntity entity = TransactionWrites.insert(context, transaction);
            audit(context, AuditAction.CREATE, null, transaction, "Created " + TransactionWrites.describe(transaction));
            context.session().flush();
            return new StoredTransaction(transaction, entity.version());
        });
    }

    /**
     * Replaces the transaction's content; its status changes only through {@link #post} and {@link #unpost}.
     *
     * @param expectedVersion the version the edit was based on; a newer stored version refuses the edit
     */
    public StoredTransaction edit(Transaction changed, long expectedVersion, String user) {
        return writes.run(user, context -> {
            TransactionEntity entity = TransactionWrites.load(context, changed.id());
            if (entity.version() != expectedVersion) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "This transaction was changed since it was opened; reload it and make the edit again.");
            }
            Transaction before = entity.toDomain();
            if (before.status() != changed.status()) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "An edit keeps the transaction's status; post or unpost it instead.");
            }
            TransactionWrites.change(context, entity, before, changed);
            audit(context, AuditAction.UPDATE, before, changed, "Edited " + TransactionWrites.describe(changed));
            context.session().flush();
            return new StoredTransaction(changed, entity.version());
        });
    }

    public void delete(TransactionId id, String user) {
        writes.run(user, context -> {
            TransactionEntity entity = TransactionWrites.load(context, id);
            Transaction before = entity.toDomain();
            TransactionWrites.remove(context, entity, before);
            audit(context, AuditAction.DELETE, before, null, "Deleted " + TransactionWrites.describe(before));
            return null;
        });
    }

    /** Books a draft: from now on it counts in the dashboards and reports. */
    public StoredTransaction post(TransactionId id, String user) {
        return changeStatus(id, TransactionStatus.POSTED, user);
    }

    /** Takes a posted transaction in an open period back to draft, and out of the figures. */
    public StoredTransaction unpost(TransactionId id, String user) {
        return changeStatus(id, TransactionStatus.DRAFT, user);
    }

    private StoredTransaction changeStatus(TransactionId id, TransactionStatus status, String user) {
        return writes.run(user, context -> {
            TransactionEntity entity = TransactionWrites.load(context, id);
            Transaction before = entity.toDomain();
            if (before.status() == status) {
                throw new DomainException(DomainError.INVALID_STATE, "The transaction is already "
                        + (status == TransactionStatus.POSTED ? "posted." : "a draft."));
            }
            Transaction after = before.withStatus(status);
            TransactionWrites.change(context, entity, before, after);
            boolean posting = status == TransactionStatus.POSTED;
            audit(context, posting ? AuditAction.POST : AuditAction.UPDATE, before, after,
                    (posting ? "Posted " : "Unposted ") + TransactionWrites.describe(before));
            context.session().flush();
            return new StoredTransaction(after, entity.version());
        });
    }

    static void audit(WriteContext context, AuditAction action, Transaction before, Transaction after,
            String summary) {
        Transaction any = after != null ? after : before;
        boolean postedBefore = before != null && before.isPosted();
        // Unposting takes the amounts off the books; for the risk rule that is a change of what is booked.
        boolean booksChanged = before == null || after == null || before.isPosted() != after.isPosted()
                || TransactionWrites.booksChanged(before, after);
        context.audit(AuditEntry.of(any.client(), EntityType.TRANSACTION, any.id().value(), action, before, after,
                RiskRules.of(action, postedBefore, booksChanged), summary));
    }

    public Optional<StoredTransaction> find(TransactionId id) {
        return writes.store().read(session -> Optional.ofNullable(session.find(TransactionEntity.class, id.value()))
                .map(entity -> new StoredTransaction(entity.toDomain(), entity.version())));
    }

    /** The client's transactions dated from/to (inclusive), in date order. */
    public List<StoredTransaction> list(ClientId client, LocalDate from, LocalDate to) {
        return writes.store().read(session -> session.createSelectionQuery("""
                        select t from TransactionEntity t left join fetch t.splits
                        where t.clientId = :client and t.date between :from and :to
                        order by t.date, t.id
                        """, TransactionEntity.class)
                .setParameter("client", client.value()).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(e -> new StoredTransaction(e.toDomain(), e.version())).toList());
    }

    /** The transactions that move money through the account or book to it, in date order. */
    public List<StoredTransaction> listByAccount(ClientId client, AccountId account, LocalDate from, LocalDate to) {
        return writes.store().read(session -> session.createSelectionQuery("""
                        select t from TransactionEntity t left join fetch t.splits
                        where t.clientId = :client and t.date between :from and :to
                          and (t.bankAccountId = :account or t.id in (
                               select t2.id from TransactionEntity t2 join t2.splits s where s.accountId = :account))
                        order by t.date, t.id
                        """, TransactionEntity.class)
                .setParameter("client", client.value()).setParameter("from", from).setParameter("to", to)
                .setParameter("account", account.value())
                .getResultList().stream().map(e -> new StoredTransaction(e.toDomain(), e.version())).toList());
    }
}
