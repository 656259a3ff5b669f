package app.booksflow.testdata;

import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.testdata.RecurringSchedule.Due;
import app.booksflow.testdata.Seeds.Purpose;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Generates one client's transactions in date order by merging its monthly bills with its irregular
 * events. It holds the client's calendar (a few kilobytes) and nothing of what it has yielded.
 *
 * <p>Event days and times, amounts and statuses, receipts, and ids each draw from their own stream,
 * so for example keeping receipts more or less often does not move any date or amount.
 */
final class TransactionIterator implements Iterator<GeneratedTransaction> {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final long OPENING_HOUR = 8 * 3_600_000L;
    private static final long SLOT_MILLIS = 120_000L;
    /** After 16 hours of two-minute slots the day is full; later events share the last slot. */
    private static final int LAST_SLOT = 479;
    private static final int RECENT_DAYS = 14;

    private final Client client;
    private final LocalDate from;
    private final long lastEpochDay;
    private final long offsetMillis;
    private final List<Due> dues;
    private final IrregularEvents irregular;
    private final BillBookings bills;
    private final ExpenseBookings expenses;
    private final IncomeBookings income;
    private final Receipts receipts;
    private final Draws timing;
    private final Draws statuses;
    private final BusinessClock transactionIds;
    private final ClientBooks books;
    private long remaining;
    private int dueIndex;
    private int pendingDay = -1;
    private long currentEpochDay = Long.MIN_VALUE;
    private int slot;

    TransactionIterator(GeneratedClient owner) {
        PracticeSpec spec = owner.spec();
        long seed = spec.seed();
        int index = owner.index();
        ClientProfile profile = owner.profile();
        this.client = owner.client();
        this.books = owner.books();
        this.from = spec.from();
        this.lastEpochDay = spec.to().toEpochDay();
        this.offsetMillis = profile.country().offset().getTotalSeconds() * 1000L;
        this.remaining = owner.transactionCount();
        this.dues = RecurringSchedule.plan(profile.bills(), spec.from(), spec.to(), remaining,
                new Draws(Seeds.client(seed, index, Purpose.RECURRING)));
        Draws events = new Draws(Seeds.client(seed, index, Purpose.EVENTS));
        this.irregular = new IrregularEvents(profile, spec.from(), spec.days(), remaining - dues.size(), events);
        this.timing = events;
        Draws amounts = new Draws(Seeds.client(seed, index, Purpose.BOOKINGS));
        this.statuses = amounts;
        this.bills = new BillBookings(books, profile.country(), amounts);
        this.expenses = new ExpenseBookings(books, profile, amounts);
        this.income = new IncomeBookings(books, profile, amounts);
        long start = spec.from().toEpochDay() * DAY_MILLIS;
        this.transactionIds = new BusinessClock(Seeds.client(seed, index, Purpose.TRANSACTION_IDS), start);
        BusinessClock receiptIds = new BusinessClock(Seeds.client(seed, index, Purpose.RECEIPT_IDS), start);
        long endMillis = (lastEpochDay + 1) * DAY_MILLIS - offsetMillis - 1;
        this.receipts = new Receipts(client.id(), books, new Draws(Seeds.client(seed, index, Purpose.RECEIPTS)),
                receiptIds, endMillis);
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    @Override
    public GeneratedTransaction next() {
        if (remaining <= 0) {
            throw new NoSuchElementException("all " + client.name() + "'s transactions have been generated");
        }
        remaining--;
        if (pendingDay < 0 && irregular.hasNext()) {
            pendingDay = irregular.nextDay();
        }
        boolean billFirst = dueIndex < dues.size()
                && (pendingDay < 0 || dues.get(dueIndex).date().toEpochDay() <= from.toEpochDay() + pendingDay);
        LocalDate date;
        Category category;
        Booking booking;
        if (billFirst) {
            Due due = dues.get(dueIndex++);
            date = due.date();
            category = due.bill().category();
            booking = bills.book(due);
        } else {
            date = from.plusDays(pendingDay);
            category = irregular.categoryOn(pendingDay);
            pendingDay = -1;
            booking = category.isIncome() ? income.book(category, date) : expenses.book(category);
        }
        long millis = timeOn(date);
        Transaction transaction = new Transaction(new TransactionId(transactionIds.idAt(millis)), client.id(), date,
                booking.payee(), booking.memo(), books.account(booking.bankAccountCode()), total(booking.splits()),
                status(date), booking.splits());
        Optional<Receipt> receipt = category.isIncome() ? Optional.empty()
                : receipts.maybeFor(transaction, category, millis);
        return new GeneratedTransaction(transaction, receipt);
    }

    /** From 08:00 local time in two-minute slots, so that ids sort like the day's events. */
    private long timeOn(LocalDate date) {
        long epochDay = date.toEpochDay();
        if (epochDay != currentEpochDay) {
            currentEpochDay = epochDay;
            slot = 0;
        }
        long slotStart = epochDay * DAY_MILLIS - offsetMillis + OPENING_HOUR + Math.min(slot, LAST_SLOT) * SLOT_MILLIS;
        slot++;
        return slotStart + timing.below(SLOT_MILLIS);
    }

    /** Drafts are the unfinished work of the last two weeks, and a rare forgotten one; never in a closed period. */
    private TransactionStatus status(LocalDate date) {
        boolean recent = date.toEpochDay() > lastEpochDay - RECENT_DAYS;
        boolean draft = statuses.chance(recent ? 0.3 : 0.003);
        return draft && !client.isClosed(date) ? TransactionStatus.DRAFT : TransactionStatus.POSTED;
    }

    private Money total(List<Split> splits) {
        long sum = 0;
        for (Split split : splits) {
            sum = Math.addExact(sum, split.amount().minorUnits());
        }
        return Money.ofMinor(sum, books.currency());
    }
}
