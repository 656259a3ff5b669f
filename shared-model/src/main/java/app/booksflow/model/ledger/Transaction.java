package app.booksflow.model.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Money moving through a bank, card or cash account, split over the accounts it belongs to. The total
 * is positive for money in (a sale) and negative for money out (a purchase); the splits carry the same
 * currency and add up to the total exactly. {@link #postings} turns it into a balanced double entry.
 */
public record Transaction(TransactionId id, ClientId client, LocalDate date, String payee, String memo,
        AccountId bankAccount, Money total, TransactionStatus status, List<Split> splits) {

    public Transaction {
        Checks.required(id, "The transaction id");
        Checks.required(client, "The transaction's client");
        Checks.required(date, "The date");
        if (date.getYear() < 1900 || date.getYear() > 2999) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "The date " + date + " is not a plausible booking date.");
        }
        payee = Checks.requiredText(payee, "The payee", 200);
        memo = Checks.optionalText(memo, "The memo", 2000);
        Checks.required(bankAccount, "The bank account");
        Checks.required(total, "The total");
        if (total.isZero()) {
            throw new DomainException(DomainError.INVALID_AMOUNT, "The total cannot be zero.");
        }
        Checks.required(status, "The status");
        splits = Checks.immutableList(splits, "The splits");
        if (splits.isEmpty()) {
            throw new DomainException(DomainError.REQUIRED, "A transaction needs at least one split.");
        }
        Money sum = Money.zero(total.currency());
        for (int i = 0; i < splits.size(); i++) {
            Split split = splits.get(i);
            if (!split.amount().isSameCurrency(total)) {
                throw new DomainException(DomainError.CURRENCY_MISMATCH, "Split " + (i + 1) + " is in "
                        + split.amount().currency() + " but the transaction is in " + total.currency() + ".");
            }
            if (split.account().equals(bankAccount)) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Split " + (i + 1) + " books to the transaction's own bank account.");
            }
            sum = sum.plus(split.amount());
        }
        if (!sum.equals(total)) {
            throw new DomainException(DomainError.SPLITS_UNBALANCED, "The splits add up to " + sum + " but the total is "
                    + total + " (difference " + total.minus(sum) + ").");
        }
    }

    public boolean isPosted() {
        return status == TransactionStatus.POSTED;
    }

    public Transaction withStatus(TransactionStatus newStatus) {
        return new Transaction(id, client, date, payee, memo, bankAccount, total, newStatus, splits);
    }

    /**
     * The double entry: the bank account takes the total, each split's account its net amount and the
     * tax code's account the tax in it. The postings always add up to zero.
     */
    public List<Posting> postings(Function<TaxCodeId, TaxCode> taxCodes) {
        Map<AccountId, Money> byAccount = new LinkedHashMap<>();
        byAccount.put(bankAccount, total);
        for (Split split : splits) {
            Money tax = Money.zero(total.currency());
            if (split.taxCode().isPresent()) {
                TaxCode code = taxCodes.apply(split.taxCode().get());
                if (code == null) {
                    throw new DomainException(DomainError.INVALID_STATE, "Tax code " + split.taxCode().get() + " is unknown.");
                }
                tax = split.amount().taxInGross(code.rate());
                byAccount.merge(code.taxAccount(), tax.negate(), Money::plus);
            }
            byAccount.merge(split.account(), split.amount().minus(tax).negate(), Money::plus);
        }
        List<Posting> postings = new ArrayList<>(byAccount.size());
        byAccount.forEach((account, amount) -> {
            if (!amount.isZero()) {
                postings.add(new Posting(account, amount));
            }
        });
        return List.copyOf(postings);
    }
}
