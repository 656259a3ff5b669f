package app.booksflow.desktop.reports;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.money.Money;

/** An account's balance as of a date, shown in the debit column or the credit column; the other is zero. */
public record TrialBalanceLine(Account account, Money debit, Money credit) {

    /** Debits minus credits. */
    public Money balance() {
        return debit.minus(credit);
    }
}
