package app.booksflow.desktop.search;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import java.time.LocalDate;

/**
 * One transaction a search found.
 *
 * @param field the field of its best match, for the list to say why it is there
 * @param score higher ranks first: the field weights of the best match of each query word, plus exact matches
 */
public record SearchHit(ClientId client, String clientName, TransactionId transaction, LocalDate date, String payee,
        String memo, Money total, SearchField field, int score) {
}
