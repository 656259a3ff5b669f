package app.booksflow.desktop.support;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Plays a seeded random sequence of bookkeeping on one client: creating, editing, deleting, posting
 * and unposting transactions (sales with VAT, purchases, split bills, transfers), receipts through
 * every step, closing and reopening periods, undo, and operations the ledger must refuse. Each
 * operation is logged so a failing seed can be read and replayed.
 */
public final class RandomBookkeeper {

    /** What happened to one operation: done, or refused by the domain with its message. */
    public record Outcome(String operation, Optional<String> refusal) {
    }

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final String[] EXPENSES = {"6000", "6100", "6200", "6300", "6400", "7100"};

    private final TestBooks books;
    private final LedgerServices ledger;
    private final Client client;
    private final Random random;
    private final List<Path> receiptFiles;
    private final List<String> log = new ArrayList<>();

    public RandomBookkeeper(TestBooks books, Client client, long seed, List<Path> receiptFiles) {
        this.books = books;
        this.ledger = books.ledger;
        this.client = client;
        this.random = new Random(seed);
        this.receiptFiles = receiptFiles;
    }

    public List<String> log() {
        return log;
    }

    public Outcome step() {
        books.clock.advance(Duration.ofSeconds(1 + random.nextInt(600)));
        int pick = random.nextInt(100);
        String name;
        try {
            name = pick < 30 ? create() : pick < 40 ? edit() : pick < 46 ? delete() : pick < 54 ? post()
                    : pick < 58 ? unpost() : pick < 64 ? attach() : pick < 80 ? receiptStep() : pick < 84 ? close()
                    : pick < 87 ? reopen() : pick < 93 ? undo() : staleEdit();
        } catch (DomainException refused) {
            log.add("  refused: " + refused.getMessage());
            return new Outcome(log.get(log.size() - 2), Optional.of(refused.getMessage()));
        }
        return new Outcome(name, Optional.empty());
    }

    private String note(String operation) {
        log.add(operation);
        return operation;
    }

    private LocalDate date() {
        return START.plusDays(random.nextInt(365));
    }

    private Money gbp(long maxPence) {
        return Money.ofMinor(1 + random.nextInt((int) maxPence), client.baseCurrency());
    }

    private AccountId account(String code) {
        return books.account(client.id(), code);
    }

    private Transaction randomTransaction(TransactionId id, TransactionStatus status) {
        LocalDate date = date();
        return switch (random.nextInt(4)) {
            case 0 -> {
                Money gross = gbp(500_00);
                yield new Transaction(id, client.id(), date, "Customer", "", account("1000"), gross, status,
                        List.of(Split.of(account("4000"), gross, books.taxCode(client.id(), "VAT20-S"))));
            }
            case 1 -> {
                Money first = gbp(200_00).negate();
                Money second = gbp(200_00).negate();
                yield new Transaction(id, client.id(), date, "Supplier", "", account("1000"), first.plus(second), status,
                        List.of(Split.of(account(EXPENSES[random.nextInt(EXPENSES.length)]), first,
                                        books.taxCode(client.id(), "VAT20-P")),
                                Split.of(account(EXPENSES[random.nextInt(EXPENSES.length)]), second)));
            }
            case 2 -> {
                Money refund = gbp(50_00).negate();
                yield new Transaction(id, client.id(), date, "Refund", "", account("2100"), refund, status,
                        List.of(Split.of(account("4100"), refund)));
            }
            default -> {
                Money transfer = gbp(1_000_00);
                yield new Transaction(id, client.id(), date, "Transfer", "", account("1000"), transfer, status,
                        List.of(Split.of(account("1010"), transfer)));
            }
        };
    }

    private List<StoredTransaction> transactions() {
        return ledger.transactions().list(client.id(), START.minusYears(1), START.plusYears(2));
    }

    private <T> Optional<T> any(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }

    private String create() {
        TransactionStatus status = random.nextInt(3) == 0 ? TransactionStatus.DRAFT : TransactionStatus.POSTED;
        Transaction transaction = randomTransaction(TransactionId.random(), status);
        note("create " + transaction.date() + " " + transaction.total() + " " + status);
        ledger.transactions().create(transaction, TestBooks.USER);
        return "create";
    }

    private String edit() {
        Optional<StoredTransaction> chosen = any(transactions());
        if (chosen.isEmpty()) {
            return create();
        }
        Transaction old = chosen.get().transaction();
        Transaction changed = randomTransaction(old.id(), old.status());
        note("edit " + old.date() + " " + old.total() + " -> " + changed.date() + " " + changed.total());
        ledger.transactions().edit(changed, chosen.get().version(), TestBooks.USER);
        return "edit";
    }

    private String staleEdit() {
        Optional<StoredTransaction> chosen = any(transactions());
        if (chosen.isEmpty()) {
            return create();
        }
        Transaction old = chosen.get().transaction();
        note("stale edit of " + old.date() + " " + old.total());
        ledger.transactions().edit(randomTransaction(old.id(), old.status()), chosen.get().version() - 1, TestBooks.USER);
        return "stale edit";
    }

    private String delete() {
        Optional<StoredTransaction> chosen = any(transactions());
        if (chosen.isEmpty()) {
            return create();
        }
        note("delete " + chosen.get().transaction().date() + " " + chosen.get().transaction().total());
        ledger.transactions().delete(chosen.get().transaction().id(), TestBooks.USER);
        return "delete";
    }

    private String post() {
        Optional<StoredTransaction> chosen = any(transactions());
        if (chosen.isEmpty()) {
            return create();
        }
        note("post " + chosen.get().transaction().date() + " " + chosen.get().transaction().status());
        ledger.transactions().post(chosen.get().transaction().id(), TestBooks.USER);
        return "post";
    }

    private String unpost() {
        Optional<StoredTransaction> chosen = any(transactions());
        if (chosen.isEmpty()) {
            return create();
        }
        note("unpost " + chosen.get().transaction().date() + " " + chosen.get().transaction().status());
        ledger.transactions().unpost(chosen.get().transaction().id(), TestBooks.USER);
        return "unpost";
    }

    private String attach() {
        Path file = receiptFiles.get(random.nextInt(receiptFiles.size()));
        note("attach " + file.getFileName());
        ledger.receipts().attach(client.id(), file, TestBooks.USER);
        return "attach";
    }

    private String receiptStep() {
        Optional<Receipt> chosen = any(ledger.receipts().list(client.id(), Optional.empty()));
        if (chosen.isEmpty()) {
            return attach();
        }
        Receipt receipt = chosen.get();
        var receipts = ledger.receipts();
        int step = random.nextInt(8);
        note("receipt " + receipt.status() + " step " + step);
        switch (step) {
            case 0 -> receipts.startReading(receipt.id(), TestBooks.USER);
            case 1, 2 -> receipts.recordReading(receipt.id(), read(), random.nextBoolean(), TestBooks.USER);
            case 3 -> receipts.fail(receipt.id(), "Too blurry", TestBooks.USER);
            case 4 -> receipts.review(receipt.id(), random.nextBoolean() ? receipt.fields() : read(), TestBooks.USER);
            case 5 -> any(transactions()).ifPresent(t -> receipts.link(receipt.id(), t.transaction().id(), TestBooks.USER));
            case 6 -> receipts.unlink(receipt.id(), TestBooks.USER);
            default -> receipts.delete(receipt.id(), TestBooks.USER);
        }
        return "receipt step " + step;
    }

    private ExtractedFields read() {
        Money total = gbp(100_00);
        return new ExtractedFields(Optional.of(Extracted.of(random.nextBoolean() ? "Office World" : "Offce World", 80)),
                Optional.of(Extracted.of(date(), 90)), Optional.of(Extracted.of(total, 70 + random.nextInt(30))),
                random.nextBoolean() ? Optional.empty() : Optional.of(Extracted.of(Money.zero(total.currency()), 60)),
                Optional.of(Extracted.of(total.currency(), 99)));
    }

    private String close() {
        LocalDate closing = START.plusDays(random.nextInt(200));
        note("close up to " + closing);
        ledger.clients().changeClosingDate(client.id(), Optional.of(closing), TestBooks.USER);
        return "close";
    }

    private String reopen() {
        Optional<LocalDate> closing = random.nextBoolean() ? Optional.empty()
                : Optional.of(START.plusDays(random.nextInt(60)));
        note("reopen to " + closing);
        ledger.clients().changeClosingDate(client.id(), closing, TestBooks.USER);
        return "reopen";
    }

    private String undo() {
        note("undo");
        ledger.undo().undoLast(TestBooks.USER).ifPresent(what -> log.add("  undid: " + what));
        return "undo";
    }
}
