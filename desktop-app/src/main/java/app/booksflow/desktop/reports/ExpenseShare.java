package app.booksflow.desktop.reports;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One expense account's part of a period's expenses. The share is kept at full precision so that the
 * shares add up to 100; only {@link #sharePercent(int)} rounds, for display.
 */
public record ExpenseShare(Account account, Money amount, BigDecimal share) {

    /** The share in percent, rounded half-even to the given decimals. */
    public BigDecimal sharePercent(int decimals) {
        return share.setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
