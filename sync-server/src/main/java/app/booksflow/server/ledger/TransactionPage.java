package app.booksflow.server.ledger;

import java.util.List;

/** One page of a client's transactions in date order; {@code next} is absent on the last page. */
public record TransactionPage(List<StoredTransaction> transactions, String next) {
}
