package app.booksflow.desktop.dashboard;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change one or more writes make to the dashboard tables, summed per row before anything is
 * written. Every write path (a single edit, the demo's bulk load, the rebuild) goes through here, so
 * they cannot disagree on what a transaction or receipt contributes. Only posted transactions count.
 */
public final class DashboardDelta {

    record AccountDay(ClientId client, LocalDate day, AccountId account) {
    }

    record ClientDay(ClientId client, LocalDate day) {
    }

    record ClientStatus(ClientId client, ReceiptStatus status) {
    }

    /** debit, credit, transaction count. */
    final Map<AccountDay, long[]> accountDays = new LinkedHashMap<>();
    /** income, expenses, transaction count. */
    final Map<ClientDay, long[]> clientDays = new LinkedHashMap<>();
    /** receipt count. */
    final Map<ClientStatus, long[]> receiptStatuses = new LinkedHashMap<>();
    /** fields reviewed, fields accepted, receipts processed, processing milliseconds. */
    final Map<ClientId, long[]> receiptQuality = new LinkedHashMap<>();
    final Map<ClientId, Currency> currencies = new HashMap<>();

    /** Adds a posted transaction's figures; a draft adds nothing. */
    public void add(Transaction transaction, ClientChart chart) {
        apply(transaction, chart, 1);
    }

    /** Takes a posted transaction's figures away again (before an edit, a delete or an unpost). */
    public void remove(Transaction transaction, ClientChart chart) {
        apply(transaction, chart, -1);
    }

    public void add(ReceiptFacts receipt) {
        apply(receipt, 1);
    }

    public void remove(ReceiptFacts receipt) {
        apply(receipt, -1);
    }

    public boolean isEmpty() {
        return accountDays.isEmpty() && clientDays.isEmpty() && receiptStatuses.isEmpty() && receiptQuality.isEmpty();
    }

    private void apply(Transaction transaction, ClientChart chart, int sign) {
        if (!transaction.isPosted()) {
            return;
        }
        ClientId client = transaction.client();
        currencies.put(client, chart.currency());
        long income = 0;
        long expenses = 0;
        for (Posting posting : transaction.postings(chart::requireTaxCode)) {
            long amount = posting.amount().minorUnits();
            long[] row = accountDays.computeIfAbsent(new AccountDay(client, transaction.date(), posting.account()),
                    key -> new long[3]);
            if (amount > 0) {
                row[0] = Math.addExact(row[0], sign * amount);
            } else {
                row[1] = Math.addExact(row[1], -sign * amount);
            }
            row[2] += sign;
            AccountType type = chart.type(posting.account()).orElse(null);
            // Net figures, as a profit and loss statement shows them: a refund lowers income.
            if (type == AccountType.INCOME) {
                income = Math.subtractExact(income, amount);
            } else if (type == AccountType.EXPENSE) {
                expenses = Math.addExact(expenses, amount);
            }
        }
        long[] day = clientDays.computeIfAbsent(new ClientDay(client, transaction.date()), key -> new long[3]);
        day[0] = Math.addExact(day[0], sign * income);
        day[1] = Math.addExact(day[1], sign * expenses);
        day[2] += sign;
    }

    private void apply(ReceiptFacts receipt, int sign) {
        receiptStatuses.computeIfAbsent(new ClientStatus(receipt.client(), receipt.status()), key -> new long[1])[0] +=
                sign;
        long[] quality = receiptQuality.computeIfAbsent(receipt.client(), key -> new long[4]);
        quality[0] += sign * (long) receipt.fieldsReviewed();
        quality[1] += sign * (long) receipt.fieldsAccepted();
        if (receipt.processingMillis().isPresent()) {
            quality[2] += sign;
            quality[3] = Math.addExact(quality[3], sign * receipt.processingMillis().getAsLong());
        }
    }
}
