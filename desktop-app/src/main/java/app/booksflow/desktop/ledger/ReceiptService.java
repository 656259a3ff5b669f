package app.booksflow.desktop.ledger;

import app.booksflow.desktop.store.TextKeys;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.desktop.store.entity.ReceiptEntity;
import app.booksflow.desktop.store.entity.TransactionEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

/**
 * Receipts on their way from a file to a booked transaction: attached by hand, read (by OCR, later),
 * reviewed by the accountant and linked to the transaction they back. Each step is audited and
 * moves the receipt dashboards (counts per status, processing time, reading accuracy).
 */
public final class ReceiptService {

    private final Writes writes;
    private final ReceiptFiles files;

    ReceiptService(Writes writes, ReceiptFiles files) {
        this.writes = writes;
        this.files = files;
    }

    /** Copies the file into the store (the original stays where it is) and queues the receipt for reading. */
    public Receipt attach(ClientId client, Path file, String user) {
        boolean known = writes.store().read(session -> session.find(ClientEntity.class, client.value()) != null);
        if (!known) {
            throw new DomainException(DomainError.INVALID_STATE, "The client " + client + " does not exist on this device.");
        }
        StoredFile stored = files.store(file);
        return writes.run(user, context -> {
            Receipt receipt = Receipt.received(ReceiptId.random(), client, stored, context.now());
            ReceiptRecord record = ReceiptRecord.of(receipt);
            ReceiptWrites.insert(context, record);
            ReceiptWrites.audit(context, AuditAction.CREATE, null, record, "Attached receipt " + stored.originalName());
            return receipt;
        });
    }

    public Receipt startReading(ReceiptId id, String user) {
        return step(id, user, EnumSet.of(ReceiptStatus.PENDING, ReceiptStatus.FAILED), "start reading",
                before -> before.with(before.receipt().withStatus(ReceiptStatus.PROCESSING)), "Started reading");
    }

    /** What reading found; uncertain fields send the receipt to review, otherwise it is done. */
    public Receipt recordReading(ReceiptId id, ExtractedFields fields, boolean needsReview, String user) {
        ReceiptStatus next = needsReview ? ReceiptStatus.NEEDS_REVIEW : ReceiptStatus.COMPLETED;
        return writes.run(user, context -> step(context, id, EnumSet.of(ReceiptStatus.PENDING, ReceiptStatus.PROCESSING),
                "record a reading for", before -> before.with(before.receipt().withFields(fields, next))
                        .processed(context.now()), "Read"));
    }

    public Receipt fail(ReceiptId id, String reason, String user) {
        return writes.run(user, context -> step(context, id, EnumSet.of(ReceiptStatus.PENDING, ReceiptStatus.PROCESSING),
                "give up reading", before -> before.with(before.receipt().failed(reason)).processed(context.now()),
                "Could not read"));
    }

    /**
     * The accountant's check of what was read: the confirmed fields replace the read ones, and every
     * field that was read or confirmed counts as reviewed, those left as read as accepted.
     */
    public Receipt review(ReceiptId id, ExtractedFields confirmed, String user) {
        return review(id, confirmed, Optional.empty(), false, user);
    }

    /**
     * The review with the receipt's category: the client's account it is booked to, or none. The category
     * is not a field read by OCR, so it does not count in the review's accuracy (ADR 0024).
     *
     * @throws DomainException when the account is not one of the client's (nothing is changed)
     */
    public Receipt review(ReceiptId id, ExtractedFields confirmed, Optional<AccountId> category, String user) {
        return review(id, confirmed, category, true, user);
    }

    private Receipt review(ReceiptId id, ExtractedFields confirmed, Optional<AccountId> category, boolean setCategory,
            String user) {
        Objects.requireNonNull(category, "category");
        return step(id, user, EnumSet.of(ReceiptStatus.NEEDS_REVIEW, ReceiptStatus.COMPLETED), "review", before -> {
            ExtractedFields read = before.receipt().fields();
            int[] counts = ReviewCount.of(read, confirmed);
            ReceiptRecord after = before.with(before.receipt().withFields(confirmed, ReceiptStatus.COMPLETED))
                    .reviewed(counts[0], counts[1]);
            return setCategory ? after.categorized(category) : after;
        }, "Reviewed");
    }

    /** The account the receipt is booked to, if one was chosen or brought by a vendor rule. */
    public Optional<AccountId> category(ReceiptId id) {
        return writes.store().read(session -> Optional.ofNullable(session.find(ReceiptEntity.class, id.value()))
                .flatMap(ReceiptEntity::category));
    }

    /** The categories of the client's receipts that have one. */
    public Map<ReceiptId, AccountId> categories(ClientId client) {
        return writes.store().read(session -> {
            Map<ReceiptId, AccountId> found = new HashMap<>();
            session.createSelectionQuery("""
                            select r.id, r.categoryAccountId from ReceiptEntity r
                            where r.clientId = :client and r.categoryAccountId is not null
                            """, Object[].class)
                    .setParameter("client", client.value()).getResultList()
                    .forEach(row -> found.put(new ReceiptId((UUID) row[0]), new AccountId((UUID) row[1])));
            return found;
        });
    }

    /**
     * Books a reviewed receipt (ADR 0024): a posted transaction paid from {@code paidFrom}, payee the vendor,
     * dated and for the total of the receipt (money out), in one split to the receipt's category; the
     * receipt's tax goes through the client's purchase tax code whose rate gives that tax. The receipt is
     * linked to it in the same write, and both are audited.
     *
     * @throws DomainException when the receipt is not reviewed, backs a transaction already, has no
     *         category, vendor, date or total, is dated in a closed period, is in another currency than
     *         the books, or its tax fits none of the client's purchase tax codes; nothing is written then
     */
    public PostedReceipt post(ReceiptId id, AccountId paidFrom, String user) {
        Objects.requireNonNull(paidFrom, "paidFrom");
        return writes.run(user, context -> {
            ReceiptEntity entity = ReceiptWrites.load(context, id);
            ReceiptRecord before = ReceiptWrites.record(entity);
            Transaction transaction = ReceiptPosting.transaction(context, before, paidFrom);
            TransactionWrites.insert(context, transaction);
            TransactionService.audit(context, AuditAction.CREATE, null, transaction,
                    "Created " + TransactionWrites.describe(transaction) + " from receipt "
                            + before.receipt().file().originalName());
            ReceiptRecord after = before.with(before.receipt().linkedTo(transaction.id()));
            ReceiptWrites.change(context, entity, before, after);
            ReceiptWrites.audit(context, AuditAction.UPDATE, before, after,
                    "Posted receipt " + before.receipt().file().originalName() + " to the ledger");
            return new PostedReceipt(after.receipt(), transaction);
        });
    }

    /** A receipt booked by {@link #post}, and the transaction made from it. */
    public record PostedReceipt(Receipt receipt, Transaction transaction) {
    }

    public Receipt link(ReceiptId id, TransactionId transaction, String user) {
        return step(id, user, EnumSet.allOf(ReceiptStatus.class), "link",
                before -> before.with(before.receipt().linkedTo(transaction)), "Linked");
    }

    public Receipt unlink(ReceiptId id, String user) {
        return step(id, user, EnumSet.allOf(ReceiptStatus.class), "unlink",
                before -> before.with(ReceiptWrites.unlinked(before.receipt())), "Unlinked");
    }

    /** Removes the receipt from the books; its file stays in the store (another receipt may share it). */
    public void delete(ReceiptId id, String user) {
        writes.run(user, context -> {
            ReceiptEntity entity = ReceiptWrites.load(context, id);
            ReceiptRecord before = ReceiptWrites.record(entity);
            ReceiptWrites.remove(context, entity, before);
            ReceiptWrites.audit(context, AuditAction.DELETE, before, null,
                    "Deleted receipt " + before.receipt().file().originalName());
            return null;
        });
    }

    public Optional<Receipt> find(ReceiptId id) {
        return writes.store().read(session -> Optional.ofNullable(session.find(ReceiptEntity.class, id.value()))
                .map(ReceiptEntity::toDomain));
    }

    /**
     * The client's receipts whose vendor, file name or text read by OCR contains the text (any case);
     * all of them for a blank text.
     */
    public List<Receipt> list(ClientId client, Optional<ReceiptStatus> status, String text) {
        List<Receipt> receipts = list(client, status);
        String wanted = text == null ? "" : TextKeys.lower(text.strip());
        if (wanted.isEmpty()) {
            return receipts;
        }
        String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Set<UUID> matching = new HashSet<>(writes.store().read(session -> session.createNativeQuery("""
                        select id from receipts where client_id = :client
                          and (ocr_text ilike :pattern escape '\\' or vendor ilike :pattern escape '\\'
                            or original_name ilike :pattern escape '\\')
                        """, UUID.class)
                .setParameter("client", client.value()).setParameter("pattern", pattern).getResultList()));
        return receipts.stream().filter(receipt -> matching.contains(receipt.id().value())).toList();
    }

    /** The client's receipts, newest first; of one status or all. */
    public List<Receipt> list(ClientId client, Optional<ReceiptStatus> status) {
        return writes.store().read(session -> session.createSelectionQuery("""
                        from ReceiptEntity where clientId = :client and (:status is null or status = :status)
                        order by receivedAt desc, id desc
                        """, ReceiptEntity.class)
                .setParameter("client", client.value()).setParameter("status", status.map(Enum::name).orElse(null))
                .getResultList().stream().map(ReceiptEntity::toDomain).toList());
    }

    /**
     * The client's transactions that no receipt backs yet, those a receipt most likely belongs to first:
     * nearest in date, then nearest in amount (the amount counts only when it is in the client's
     * currency, as transactions are), then the latest.
     *
     * @param near   the receipt's date, or the day it arrived when nothing was read from it
     * @param amount the receipt's total, if known
     */
    public List<Transaction> transactionsWithoutReceipt(ClientId client, LocalDate near, Optional<Money> amount,
            int limit) {
        return writes.store().read(session -> {
            ClientEntity owner = session.find(ClientEntity.class, client.value());
            if (owner == null) {
                return List.<Transaction>of();
            }
            Currency base = owner.toDomain().baseCurrency();
            long minor = amount.filter(m -> m.currency().equals(base)).map(m -> Math.abs(m.minorUnits())).orElse(-1L);
            List<UUID> ids = session.createNativeQuery("""
                            select t.id from transactions t
                            where t.client_id = :client
                              and not exists (select 1 from receipts r where r.transaction_id = t.id)
                            order by abs(datediff('DAY', t.date, :near)),
                                     case when :minor < 0 then 0 else abs(abs(t.total_minor) - :minor) end,
                                     t.date desc, t.id
                            limit :limit
                            """, UUID.class)
                    .setParameter("client", client.value()).setParameter("near", near)
                    .setParameter("minor", minor).setParameter("limit", limit).getResultList();
            if (ids.isEmpty()) {
                return List.<Transaction>of();
            }
            Map<UUID, Transaction> byId = new HashMap<>();
            session.createSelectionQuery("select t from TransactionEntity t left join fetch t.splits where t.id in :ids",
                            TransactionEntity.class)
                    .setParameter("ids", ids).getResultList().stream().map(TransactionEntity::toDomain)
                    .forEach(transaction -> byId.put(transaction.id().value(), transaction));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    /** Where the receipt's file is kept on this device. */
    public Path file(Receipt receipt) {
        return files.path(receipt.file().sha256());
    }

    private Receipt step(ReceiptId id, String user, Set<ReceiptStatus> from, String verb,
            UnaryOperator<ReceiptRecord> change, String summary) {
        return writes.run(user, context -> step(context, id, from, verb, change, summary));
    }

    private static Receipt step(WriteContext context, ReceiptId id, Set<ReceiptStatus> from, String verb,
            UnaryOperator<ReceiptRecord> change, String summary) {
        ReceiptEntity entity = ReceiptWrites.load(context, id);
        ReceiptRecord before = ReceiptWrites.record(entity);
        if (!from.contains(before.receipt().status())) {
            throw new DomainException(DomainError.INVALID_STATE, "Cannot " + verb + " a receipt that is "
                    + before.receipt().status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        ReceiptRecord after = change.apply(before);
        ReceiptWrites.change(context, entity, before, after);
        ReceiptWrites.audit(context, AuditAction.UPDATE, before, after,
                summary + " receipt " + before.receipt().file().originalName());
        return after.receipt();
    }

    // ---- Bulk import (ADR 0022) ----

    /**
     * Copies the file into the store (once per content; the original is only read) and describes it.
     *
     * @throws DomainException when it is empty, too large or not a receipt file (the message says which)
     */
    public StoredFile store(Path file) {
        return files.store(file);
    }

    /** Where the file of this content is kept on this device. */
    public Path storedFile(Sha256 sha256) {
        return files.path(sha256);
    }

    /** A receipt of the client whose file has this content, if there is one. */
    public Optional<Receipt> findByContent(ClientId client, Sha256 sha256) {
        return writes.store().read(session -> firstWithContent(session, client, sha256).map(ReceiptEntity::toDomain));
    }

    /** What {@link #importRead} did: a new receipt, or nothing because the client has this content already. */
    public sealed interface Imported {
        Receipt receipt();

        /** The new receipt, read and ready for review or done. */
        record Added(Receipt receipt) implements Imported {
        }

        /** The receipt of the same content that was already there; nothing was added. */
        record Duplicate(Receipt receipt) implements Imported {
        }
    }

    /**
     * Adds a receipt read by OCR in one write: its file (already stored), what was read, the raw text
     * and the reading's end state; unless the client already has a receipt of the same content, which
     * is returned instead and nothing is added. {@code alsoInThisWrite} runs in the same database
     * transaction with the outcome (an import queue records the file's end state there), so the receipt
     * and that record commit together or not at all.
     *
     * @param receivedAt when the file arrived (was queued); the processing time runs from there to now
     */
    public Imported importRead(ReceiptId id, ClientId client, StoredFile stored, Instant receivedAt,
            ExtractedFields fields, boolean needsReview, String text, String user,
            BiConsumer<Session, Imported> alsoInThisWrite) {
        return importRead(id, client, stored, receivedAt, fields, Optional.empty(), needsReview, text, user,
                alsoInThisWrite);
    }

    /**
     * {@link #importRead(ReceiptId, ClientId, StoredFile, Instant, ExtractedFields, boolean, String, String,
     * BiConsumer)} with the category the client's vendor rule suggests for the receipt's vendor.
     */
    public Imported importRead(ReceiptId id, ClientId client, StoredFile stored, Instant receivedAt,
            ExtractedFields fields, Optional<AccountId> category, boolean needsReview, String text, String user,
            BiConsumer<Session, Imported> alsoInThisWrite) {
        Objects.requireNonNull(category, "category");
        return writes.run(user, context -> {
            Session session = context.session();
            Optional<ReceiptEntity> existing = firstWithContent(session, client, stored.sha256());
            Imported outcome;
            if (existing.isPresent()) {
                outcome = new Imported.Duplicate(existing.get().toDomain());
            } else {
                ReceiptStatus status = needsReview ? ReceiptStatus.NEEDS_REVIEW : ReceiptStatus.COMPLETED;
                Receipt receipt = Receipt.received(id, client, stored, receivedAt).withFields(fields, status);
                ReceiptRecord record = ReceiptRecord.of(receipt).processed(context.now()).categorized(category);
                ReceiptWrites.insert(context, record, text);
                ReceiptWrites.audit(context, AuditAction.CREATE, null, record, "Imported receipt " + stored.originalName());
                outcome = new Imported.Added(receipt);
            }
            alsoInThisWrite.accept(session, outcome);
            return outcome;
        });
    }

    /** The text OCR read from the receipt, when it was imported with it. */
    public Optional<String> ocrText(ReceiptId id) {
        return writes.store().read(session -> session.createNativeQuery(
                        "select ocr_text from receipts where id = :id", String.class)
                .setParameter("id", id.value()).getResultList().stream().filter(Objects::nonNull).findFirst());
    }

    private static Optional<ReceiptEntity> firstWithContent(Session session, ClientId client, Sha256 sha256) {
        return session.createSelectionQuery("""
                        from ReceiptEntity where clientId = :client and sha256 = :sha256 order by receivedAt, id
                        """, ReceiptEntity.class)
                .setParameter("client", client.value()).setParameter("sha256", sha256.hex())
                .setMaxResults(1).getResultList().stream().findFirst();
    }
}
