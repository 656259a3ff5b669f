package app.booksflow.desktop.ledger;

import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import java.time.LocalDate;

/**
 * One line of the ledger as the table shows it, read without loading the transaction's splits.
 *
 * @param mainAccount the name of the first split's account
 * @param closed true when the date is on or before the client's closing date
 */
public record LedgerRow(TransactionId id, LocalDate date, String payee, String memo, String mainAccount, Money total,
        int splitCount, boolean receiptLinked, boolean posted, long version, boolean closed) {
}
