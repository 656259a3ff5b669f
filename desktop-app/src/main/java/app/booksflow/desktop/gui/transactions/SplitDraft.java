package app.booksflow.desktop.gui.transactions;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of the splits dialog as typed: an account, an optional tax code, an amount and a memo. */
public final class SplitDraft {

    private final ObjectProperty<Account> account = new SimpleObjectProperty<>(this, "account");
    private final ObjectProperty<TaxCode> taxCode = new SimpleObjectProperty<>(this, "taxCode");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty memo = new SimpleStringProperty(this, "memo", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public SplitDraft() {
    }

    SplitDraft(Account account, TaxCode taxCode, String amount, String memo) {
        this.account.set(account);
        this.taxCode.set(taxCode);
        this.amount.set(amount);
        this.memo.set(memo);
    }

    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    /** Null for no tax. */
    public ObjectProperty<TaxCode> taxCodeProperty() {
        return taxCode;
    }

    /** Typed in the user's locale; the line takes the sign of the transaction's total. */
    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty memoProperty() {
        return memo;
    }

    /** Why this line cannot be saved; empty when it can. */
    public StringProperty errorProperty() {
        return error;
    }
}
