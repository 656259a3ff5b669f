package app.booksflow.testdata;

import app.booksflow.model.ledger.Split;
import java.util.List;

/** What a transaction says before it gets an id and a status; its total is the sum of its splits. */
record Booking(String payee, String memo, String bankAccountCode, List<Split> splits) {
}
