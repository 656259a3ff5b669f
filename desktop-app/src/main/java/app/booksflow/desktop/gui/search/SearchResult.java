package app.booksflow.desktop.gui.search;

import app.booksflow.desktop.search.ReceiptHit;
import app.booksflow.desktop.search.SearchHit;

/**
 * A search hit as the list shows it: texts formatted for the user's locale.
 *
 * @param found     what opening the result shows: a transaction or a receipt
 * @param payee     the transaction's payee, or the receipt's vendor (its file name when no vendor was read)
 * @param memo      the transaction's memo, or the line of the receipt's text where the search found its first word
 * @param matchedIn where the best match was found ("payee", "memo", "split memo", "amount"), or "receipt"
 */
public record SearchResult(Found found, String client, String date, String payee, String memo, String amount,
        String matchedIn) {

    /** What a result stands for. */
    public sealed interface Found {
    }

    public record TransactionFound(SearchHit hit) implements Found {
    }

    public record ReceiptFound(ReceiptHit hit) implements Found {
    }

    public boolean isReceipt() {
        return found instanceof ReceiptFound;
    }
}
