package app.booksflow.model.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.money.Money;
import java.util.Optional;

/**
 * One line of a transaction: the part of the total that belongs to one account. The amount is
 * gross (tax included) and has the sign of the total; the tax code says how much of it is tax.
 */
public record Split(AccountId account, Money amount, Optional<TaxCodeId> taxCode, String memo) {

    public Split {
        Checks.required(account, "The split's account");
        Checks.required(amount, "The split's amount");
        if (amount.isZero()) {
            throw new DomainException(DomainError.INVALID_AMOUNT, "A split cannot be zero; remove it instead.");
        }
        Checks.required(taxCode, "The split's tax code");
        memo = Checks.optionalText(memo, "The split's memo", 500);
    }

    public static Split of(AccountId account, Money amount) {
        return new Split(account, amount, Optional.empty(), "");
    }

    public static Split of(AccountId account, Money amount, TaxCodeId taxCode) {
        return new Split(account, amount, Optional.of(taxCode), "");
    }
}
