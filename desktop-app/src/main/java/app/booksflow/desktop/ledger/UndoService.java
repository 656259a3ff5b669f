package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.store.entity.AuditEventEntity;
import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.util.Optional;

/**
 * Reverts the latest change made on this device by applying its inverse, read from the audit trail.
 * The inverse goes through the same checks as any write (a change into a closed period is refused),
 * is audited itself with a pointer to the event it reverts, and marks that event undone; repeated
 * undos walk back through the history. Setting up the practice, clients, accounts and tax codes
 * cannot be undone.
 */
public final class UndoService {

    private final Writes writes;

    UndoService(Writes writes) {
        this.writes = writes;
    }

    /** @return what was undone, or empty when there is nothing to undo */
    public Optional<String> undoLast(String user) {
        return writes.run(user, context -> {
            Optional<AuditEventEntity> last = AuditLog.lastUndoable(context.session());
            if (last.isEmpty()) {
                return Optional.<String>empty();
            }
            AuditEventEntity event = last.get();
            context.undoing(event.id());
            revert(context, AuditLog.toRecord(event));
            event.markUndone();
            return Optional.of(event.summary());
        });
    }

    private static void revert(WriteContext context, AuditRecord event) {
        String summary = "Undid: " + event.summary();
        switch (event.entityType()) {
            case TRANSACTION -> revertTransaction(context, event, summary);
            case RECEIPT -> revertReceipt(context, event, summary);
            case CLIENT -> {
                if (event.action() != AuditAction.CLOSE_PERIOD && event.action() != AuditAction.REOPEN_PERIOD) {
                    throw cannotUndo(event);
                }
                Client before = AuditLog.fromJson(event.before().orElseThrow(), Client.class);
                ClientService.applyClosingDate(context, new ClientId(event.entityId()), before.closingDate());
            }
            case ACCOUNT -> {
                if (event.action() != AuditAction.UPDATE) {
                    throw cannotUndo(event);
                }
                Account before = AuditLog.fromJson(event.before().orElseThrow(), Account.class);
                AccountService.rename(context, before.id(), before.name());
            }
            default -> throw cannotUndo(event);
        }
    }

    private static void revertTransaction(WriteContext context, AuditRecord event, String summary) {
        Optional<Transaction> before = event.before().map(json -> AuditLog.fromJson(json, Transaction.class));
        TransactionId id = new TransactionId(event.entityId());
        if (before.isEmpty()) {
            TransactionEntity entity = TransactionWrites.load(context, id);
            Transaction current = entity.toDomain();
            TransactionWrites.remove(context, entity, current);
            TransactionService.audit(context, AuditAction.DELETE, current, null, summary);
        } else if (event.after().isEmpty()) {
            TransactionWrites.insert(context, before.get());
            TransactionService.audit(context, AuditAction.CREATE, null, before.get(), summary);
        } else {
            TransactionEntity entity = TransactionWrites.load(context, id);
            Transaction current = entity.toDomain();
            TransactionWrites.change(context, entity, current, before.get());
            TransactionService.audit(context, AuditAction.UPDATE, current, before.get(), summary);
        }
    }

    private static void revertReceipt(WriteContext context, AuditRecord event, String summary) {
        Optional<ReceiptRecord> before = event.before().map(json -> AuditLog.fromJson(json, ReceiptRecord.class));
        ReceiptId id = new ReceiptId(event.entityId());
        if (before.isEmpty()) {
            ReceiptEntity entity = ReceiptWrites.load(context, id);
            ReceiptRecord current = ReceiptWrites.record(entity);
            ReceiptWrites.remove(context, entity, current);
            ReceiptWrites.audit(context, AuditAction.DELETE, current, null, summary);
        } else if (event.after().isEmpty()) {
            ReceiptWrites.insert(context, before.get());
            ReceiptWrites.audit(context, AuditAction.CREATE, null, before.get(), summary);
        } else {
            ReceiptEntity entity = ReceiptWrites.load(context, id);
            ReceiptRecord current = ReceiptWrites.record(entity);
            ReceiptWrites.change(context, entity, current, before.get());
            ReceiptWrites.audit(context, AuditAction.UPDATE, current, before.get(), summary);
        }
    }

    private static DomainException cannotUndo(AuditRecord event) {
        return new DomainException(DomainError.INVALID_STATE,
                "The last change (" + event.summary() + ") cannot be undone.");
    }
}
