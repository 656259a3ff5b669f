package app.booksflow.desktop.reports;

import app.booksflow.model.ledger.Account;
import app.booksflow.model.money.Money;

/** One account's figure in a report, signed the way the report reads (income and expenses both positive). */
public record ReportLine(Account account, Money amount) {
}
