package app.booksflow.desktop.gui.search;

import app.booksflow.desktop.search.SearchHit;

/**
 * A search hit as the list shows it: texts formatted for the user's locale.
 *
 * @param matchedIn the field the best match was found in ("payee", "memo", "split memo", "amount")
 */
public record SearchResult(SearchHit hit, String client, String date, String payee, String memo, String amount,
        String matchedIn) {
}
