package app.booksflow.desktop.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What part of a client's ledger to show, and in which order. Every filter is optional: a date range
 * (inclusive), an account that the transaction moves money through or books to, a range of the total
 * without its sign in minor units (inclusive), and text. Text of letters, digits and spaces matches
 * transactions whose payee or memo has, for each typed word, a word starting with it, ignoring case and
 * accents ("caf bl" finds "Café Blanc"; "esco" does not find "Tesco"), as the search does. Text with
 * any other character (punctuation, symbols) must in addition appear in the payee or memo as typed,
 * ignoring case ("ltd." finds "Acme Ltd." but not "Altd.", whose word does not start with "ltd"); text
 * with no letter or digit at all ("&", "-") is only looked for as typed. LIKE's characters (% _ \) are
 * plain characters.
 */
public record LedgerQuery(ClientId client, Optional<LocalDate> from, Optional<LocalDate> to,
        Optional<AccountId> account, Optional<Long> minAmountMinor, Optional<Long> maxAmountMinor, String text,
        LedgerSort sort, boolean descending) {

    public LedgerQuery {
        Checks.required(client, "The client");
        Checks.required(from, "The start date");
        Checks.required(to, "The end date");
        Checks.required(account, "The account");
        Checks.required(minAmountMinor, "The smallest amount");
        Checks.required(maxAmountMinor, "The largest amount");
        Checks.required(sort, "The order");
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            throw new DomainException(DomainError.TOO_LONG, "The search text is longer than 200 characters.");
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "The date range starts (" + from.get() + ") after it ends (" + to.get() + ").");
        }
        // The range compares amounts without their sign, so "-50" means the same as "50".
        minAmountMinor = minAmountMinor.map(LedgerQuery::absolute);
        maxAmountMinor = maxAmountMinor.map(LedgerQuery::absolute);
        if (minAmountMinor.isPresent() && maxAmountMinor.isPresent() && minAmountMinor.get() > maxAmountMinor.get()) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "The smallest amount is larger than the largest amount.");
        }
    }

    /** The whole ledger of the client, newest first. */
    public static LedgerQuery of(ClientId client) {
        return new LedgerQuery(client, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "", LedgerSort.DATE, true);
    }

    public LedgerQuery between(LocalDate newFrom, LocalDate newTo) {
        return new LedgerQuery(client, Optional.ofNullable(newFrom), Optional.ofNullable(newTo), account,
                minAmountMinor, maxAmountMinor, text, sort, descending);
    }

    public LedgerQuery onAccount(AccountId newAccount) {
        return new LedgerQuery(client, from, to, Optional.ofNullable(newAccount), minAmountMinor, maxAmountMinor, text,
                sort, descending);
    }

    /** Null leaves that end of the range open. */
    public LedgerQuery amountsBetween(Long min, Long max) {
        return new LedgerQuery(client, from, to, account, Optional.ofNullable(min), Optional.ofNullable(max), text,
                sort, descending);
    }

    public LedgerQuery containing(String newText) {
        return new LedgerQuery(client, from, to, account, minAmountMinor, maxAmountMinor, newText, sort, descending);
    }

    public LedgerQuery sortedBy(LedgerSort newSort, boolean newDescending) {
        return new LedgerQuery(client, from, to, account, minAmountMinor, maxAmountMinor, text,
                Objects.requireNonNull(newSort), newDescending);
    }

    /** True when nothing but the client narrows the ledger. */
    public boolean isUnfiltered() {
        return from.isEmpty() && to.isEmpty() && account.isEmpty() && minAmountMinor.isEmpty()
                && maxAmountMinor.isEmpty() && text.isEmpty();
    }

    private static long absolute(long minor) {
        if (minor == Long.MIN_VALUE) {
            throw new DomainException(DomainError.AMOUNT_OVERFLOW, "The amount is too large.");
        }
        return Math.abs(minor);
    }
}
