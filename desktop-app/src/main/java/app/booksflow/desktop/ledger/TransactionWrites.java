package app.booksflow.desktop.ledger;

import app.booksflow.desktop.dashboard.ClientChart;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.util.List;
import java.util.Locale;

/**
 * The three ways a transaction row changes (insert, change, remove), each with its checks against the
 * client's books and closed periods, and each moving the dashboards and the search index by exactly what it changes. Used by
 * {@link TransactionService} and by {@link UndoService}, which replays a change the other way round.
 */
final class TransactionWrites {

    private TransactionWrites() {
    }

    static TransactionEntity load(WriteContext context, TransactionId id) {
        TransactionEntity entity = context.session().find(TransactionEntity.class, id.value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE,
                    "The transaction " + id + " no longer exists; it may have been deleted.");
        }
        return entity;
    }

    /** Refuses a transaction that does not fit the client's books: closed period, currency, foreign accounts. */
    static void validate(WriteContext context, Transaction transaction) {
        Client client = context.client(transaction.client());
        client.requireOpen(transaction.date());
        if (!transaction.total().currency().equals(client.baseCurrency())) {
            throw new DomainException(DomainError.CURRENCY_MISMATCH, "The books of " + client.name() + " are kept in "
                    + client.baseCurrency() + "; this transaction is in " + transaction.total().currency() + ".");
        }
        ClientChart chart = context.chart(transaction.client());
        Account bank = chart.account(transaction.bankAccount()).orElseThrow(() -> new DomainException(
                DomainError.INVALID_STATE, "The bank account is not one of " + client.name() + "'s accounts."));
        if (bank.type() != AccountType.ASSET && bank.type() != AccountType.LIABILITY) {
            throw new DomainException(DomainError.INVALID_STATE, "Money moves through a bank, cash or card account; "
                    + bank + " is an " + bank.type().name().toLowerCase(Locale.ROOT) + " account.");
        }
        for (int i = 0; i < transaction.splits().size(); i++) {
            Split split = transaction.splits().get(i);
            if (chart.account(split.account()).isEmpty()) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Split " + (i + 1) + " books to an account that is not one of " + client.name() + "'s.");
            }
            if (split.taxCode().isPresent() && chart.taxCode(split.taxCode().get()).isEmpty()) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Split " + (i + 1) + " uses a tax code that is not one of " + client.name() + "'s.");
            }
        }
    }

    static TransactionEntity insert(WriteContext context, Transaction transaction) {
        validate(context, transaction);
        if (context.session().find(TransactionEntity.class, transaction.id().value()) != null) {
            throw new DomainException(DomainError.DUPLICATE, "The transaction " + transaction.id() + " already exists.");
        }
        TransactionEntity entity = TransactionEntity.from(transaction, mainAccountName(context, transaction));
        context.session().persist(entity);
        context.dashboards().add(transaction, context.chart(transaction.client()));
        context.search().put(transaction);
        return entity;
    }

    static void change(WriteContext context, TransactionEntity entity, Transaction before, Transaction after) {
        if (!before.client().equals(after.client())) {
            throw new DomainException(DomainError.INVALID_STATE, "A transaction cannot move to another client.");
        }
        context.client(before.client()).requireOpen(before.date());
        validate(context, after);
        ClientChart chart = context.chart(before.client());
        context.dashboards().remove(before, chart);
        context.dashboards().add(after, chart);
        context.search().put(after);
        entity.update(after, mainAccountName(context, after));
    }

    /**
     * A transaction as the server has it, written without this device's checks: the server decided
     * (closed periods included), so the books follow. Dashboards and search move as for any write.
     */
    static void putPulled(WriteContext context, Transaction after) {
        TransactionEntity entity = context.session().find(TransactionEntity.class, after.id().value());
        ClientChart chart = context.chart(after.client());
        if (entity == null) {
            context.session().persist(TransactionEntity.from(after, mainAccountName(context, after)));
        } else {
            context.dashboards().remove(entity.toDomain(), chart);
            entity.update(after, mainAccountName(context, after));
        }
        context.dashboards().add(after, chart);
        context.search().put(after);
    }

    static void removePulled(WriteContext context, TransactionId id) {
        TransactionEntity entity = context.session().find(TransactionEntity.class, id.value());
        if (entity == null) {
            return;
        }
        Transaction before = entity.toDomain();
        context.session().createNativeMutationQuery("update receipts set transaction_id = null where transaction_id = :id")
                .setParameter("id", id.value()).executeUpdate();
        context.dashboards().remove(before, context.chart(before.client()));
        context.search().remove(before.id());
        context.session().remove(entity);
    }

    /** The first split's account name, stored on the row for the ledger's account order (validated before). */
    static String mainAccountName(WriteContext context, Transaction transaction) {
        return context.chart(transaction.client()).account(transaction.splits().get(0).account())
                .orElseThrow().name();
    }

    static void remove(WriteContext context, TransactionEntity entity, Transaction before) {
        context.client(before.client()).requireOpen(before.date());
        ReceiptWrites.unlinkAll(context, before);
        context.dashboards().remove(before, context.chart(before.client()));
        context.search().remove(before.id());
        context.session().remove(entity);
    }

    /** True when the change alters what the transaction books: date, bank account, total or splits. */
    static boolean booksChanged(Transaction before, Transaction after) {
        return !before.date().equals(after.date()) || !before.bankAccount().equals(after.bankAccount())
                || !before.total().equals(after.total()) || !bookings(before).equals(bookings(after));
    }

    private static List<List<Object>> bookings(Transaction transaction) {
        return transaction.splits().stream()
                .map(split -> List.<Object>of(split.account(), split.amount(), split.taxCode()))
                .toList();
    }

    static String describe(Transaction transaction) {
        return transaction.date() + " " + transaction.payee() + " " + transaction.total()
                + (transaction.isPosted() ? "" : " (draft)");
    }
}
