package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.dashboard.ReceiptFacts;
import app.booksflow.desktop.search.ReceiptTerms;
import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.Receipt;
import java.util.Optional;

/** Insert, change and remove of a receipt row, each moving the receipt dashboards by what it changes. */
final class ReceiptWrites {

    private ReceiptWrites() {
    }

    static ReceiptEntity load(WriteContext context, ReceiptId id) {
        ReceiptEntity entity = context.session().find(ReceiptEntity.class, id.value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE,
                    "The receipt " + id + " no longer exists; it may have been deleted.");
        }
        return entity;
    }

    static ReceiptRecord record(ReceiptEntity entity) {
        return new ReceiptRecord(entity.toDomain(), entity.processedAt(), Optional.ofNullable(entity.fieldsReviewed()),
                Optional.ofNullable(entity.fieldsAccepted()), entity.category());
    }

    static ReceiptFacts facts(ReceiptRecord record) {
        Receipt receipt = record.receipt();
        return ReceiptFacts.of(receipt.client(), receipt.status(), receipt.receivedAt(),
                record.processedAt().orElse(null), record.fieldsReviewed().orElse(null),
                record.fieldsAccepted().orElse(null));
    }

    private static void checkLink(WriteContext context, ReceiptRecord record) {
        Receipt receipt = record.receipt();
        context.client(receipt.client());
        if (record.category().isPresent()
                && context.chart(receipt.client()).account(record.category().get()).isEmpty()) {
            throw new DomainException(DomainError.INVALID_STATE, "The category of receipt "
                    + receipt.file().originalName() + " is not an account of this client; choose one of its accounts.");
        }
        if (receipt.transaction().isPresent()) {
            TransactionEntity linked = TransactionWrites.load(context, receipt.transaction().get());
            if (!linked.toDomain().client().equals(receipt.client())) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "A receipt can only back a transaction of its own client.");
            }
        }
    }

    static ReceiptEntity insert(WriteContext context, ReceiptRecord record) {
        return insert(context, record, null);
    }

    /**
     * Inserts the receipt with the text OCR read from it (null for none), kept beside the row; its search
     * terms are written once, from the row and the text.
     */
    static ReceiptEntity insert(WriteContext context, ReceiptRecord record, String ocrText) {
        checkLink(context, record);
        ReceiptEntity entity = ReceiptEntity.from(record.receipt());
        apply(entity, record);
        context.session().persist(entity);
        context.dashboards().add(facts(record));
        if (ocrText != null) {
            context.session().flush();
            context.session().createNativeMutationQuery("update receipts set ocr_text = :text where id = :id")
                    .setParameter("text", ocrText).setParameter("id", record.receipt().id().value()).executeUpdate();
        }
        indexTerms(context, record.receipt().id());
        return entity;
    }

    static void change(WriteContext context, ReceiptEntity entity, ReceiptRecord before, ReceiptRecord after) {
        checkLink(context, after);
        context.dashboards().remove(facts(before));
        context.dashboards().add(facts(after));
        apply(entity, after);
        if (!vendor(before).equals(vendor(after))) {
            indexTerms(context, after.receipt().id());
        }
    }

    static void remove(WriteContext context, ReceiptEntity entity, ReceiptRecord before) {
        context.dashboards().remove(facts(before));
        context.session().doWork(connection -> ReceiptTerms.delete(connection, before.receipt().id()));
        context.session().remove(entity);
    }

    /** The receipt's search terms from its row as it now stands (pending changes written first). */
    private static void indexTerms(WriteContext context, ReceiptId id) {
        context.session().flush();
        context.session().doWork(connection -> ReceiptTerms.replace(connection, id));
    }

    private static Optional<String> vendor(ReceiptRecord record) {
        return record.receipt().fields().vendor().map(Extracted::value);
    }

    private static void apply(ReceiptEntity entity, ReceiptRecord record) {
        entity.update(record.receipt());
        entity.processedAt(record.processedAt().orElse(null));
        if (record.fieldsReviewed().isPresent()) {
            entity.review(record.fieldsReviewed().get(), record.fieldsAccepted().orElse(0));
        } else {
            entity.clearReview();
        }
        entity.category(record.category());
    }

    /** A deleted transaction leaves its receipts unlinked (and audited), ready to back another one. */
    static void unlinkAll(WriteContext context, Transaction transaction) {
        var linked = context.session()
                .createSelectionQuery("from ReceiptEntity where transactionId = :transaction order by id",
                        ReceiptEntity.class)
                .setParameter("transaction", transaction.id().value()).getResultList();
        for (ReceiptEntity entity : linked) {
            ReceiptRecord before = record(entity);
            ReceiptRecord after = before.with(unlinked(before.receipt()));
            change(context, entity, before, after);
            audit(context, AuditAction.UPDATE, before, after, "Unlinked receipt " + before.receipt().file().originalName()
                    + " from " + TransactionWrites.describe(transaction));
        }
        // Flushed now: the transaction's own delete must not reach the database before these updates.
        context.session().flush();
    }

    static Receipt unlinked(Receipt receipt) {
        return new Receipt(receipt.id(), receipt.client(), receipt.file(), receipt.status(), receipt.failureReason(),
                receipt.fields(), Optional.empty(), receipt.receivedAt());
    }

    static void audit(WriteContext context, AuditAction action, ReceiptRecord before, ReceiptRecord after,
            String summary) {
        Receipt any = (after != null ? after : before).receipt();
        context.audit(AuditEntry.of(any.client(), EntityType.RECEIPT, any.id().value(), action, before, after,
                RiskRules.of(action, false, false), summary));
    }
}
