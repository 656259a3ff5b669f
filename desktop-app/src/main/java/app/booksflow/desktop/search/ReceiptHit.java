package app.booksflow.desktop.search;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One receipt a search found.
 *
 * @param vendor  the vendor as read or corrected, when known
 * @param excerpt the line of the receipt's text where the first word was found; empty when it was
 *                found in the vendor or file name only
 */
public record ReceiptHit(ClientId client, String clientName, ReceiptId receipt, String originalName,
        Optional<String> vendor, Optional<LocalDate> date, Optional<Money> total, ReceiptStatus status,
        Instant receivedAt, String excerpt) {
}
