package app.booksflow.desktop.gui.receipts;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One entry of a receipt's Category choice: an account of the client, or "No category". Its text is what
 * the searchable list filters on: code, name and kind, so typing "6100", "meals" or "expense" finds it.
 */
public record CategoryChoice(Optional<Account> account, String text) {

    public static final CategoryChoice NONE = new CategoryChoice(Optional.empty(), "No category");

    static CategoryChoice of(Account account) {
        String kind = account.type().name().toLowerCase(Locale.ROOT);
        return new CategoryChoice(Optional.of(account), account.code() + " " + account.name() + " \u00b7 " + kind);
    }

    /** No category first, then the expense accounts (what most receipts are booked to), then the others; by code. */
    static List<CategoryChoice> of(List<Account> accounts) {
        Comparator<Account> order = Comparator.<Account, Boolean>comparing(a -> a.type() != AccountType.EXPENSE)
                .thenComparing(Account::code);
        return Stream.concat(Stream.of(NONE), accounts.stream().sorted(order).map(CategoryChoice::of)).toList();
    }

    public Optional<AccountId> id() {
        return account.map(Account::id);
    }

    @Override
    public String toString() {
        return text;
    }
}
