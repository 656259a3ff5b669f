package app.booksflow.model.ledger;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.money.Money;

/** One side of the double entry a transaction makes: positive amounts are debits, negative credits. */
public record Posting(AccountId account, Money amount) {

    public boolean isDebit() {
        return amount.isPositive();
    }
}
