package app.booksflow.desktop.dashboard;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.money.Money;

/** The net expenses booked to one expense account in a period. */
public record CategoryTotal(Account account, Money amount) {
}
