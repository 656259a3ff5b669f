package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of {@code splits}; its line number is the position in the transaction's list. */
@Embeddable
public class SplitLine {

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;

    @Column(name = "tax_code_id")
    private UUID taxCodeId;

    @Column(nullable = false, length = 500)
    private String memo;

    protected SplitLine() {
    }

    static SplitLine from(Split split) {
        SplitLine line = new SplitLine();
        line.accountId = split.account().value();
        line.amountMinor = split.amount().minorUnits();
        line.currency = split.amount().currency().getCurrencyCode();
        line.taxCodeId = split.taxCode().map(TaxCodeId::value).orElse(null);
        line.memo = split.memo();
        return line;
    }

    Split toDomain() {
        return new Split(new AccountId(accountId), Money.ofMinor(amountMinor, Currency.getInstance(currency)),
                Optional.ofNullable(taxCodeId).map(TaxCodeId::new), memo);
    }
}
