package app.booksflow.desktop.ledger;

import app.booksflow.desktop.search.WordFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A word's matches in payee order, told apart by payee (ADR 0033). A transaction matches a word when a word of
 * its payee or of its memo starts with it, and the payee order keeps each payee's rows together. Where the
 * word starts a word of the payee itself, every row of that payee in the date range matches and is read in
 * the payee index's order, as far as the page needs; the other payees' matches are the transactions whose
 * memo has the word, few enough to gather from the term index and read by id. A middling word ("a", 4,380
 * transactions of a client's year, most of them "Amazon" and "Pret A Manger" rows) then costs its memo
 * matches and the page's rows, not every match.
 *
 * <p>Which payees hold the word is told from the client's distinct payees, split as the search index splits
 * a payee. The index splits the payee as typed and the payee index holds it in lower case, so the two are
 * checked against each other: the number of the word's payee terms in the date range must equal, summed over
 * those payees, their rows in the range times their words starting with it. A payee the search indexer has
 * not reached yet, a date changed since, or a lower case that splits otherwise (the Turkish dotless i) makes
 * them differ, and the page is then read the usual way.
 */
final class PayeeGroups {

    private final List<String> payees;
    private final Set<String> known;
    private final Set<String> holding;
    private final List<UUID> memoMatches;

    private PayeeGroups(List<String> payees, Set<String> holding, List<UUID> memoMatches) {
        this.payees = payees;
        this.known = Set.copyOf(payees);
        this.holding = holding;
        this.memoMatches = memoMatches;
    }

    /**
     * The groups of the word's matches in the client's date range, or nothing when the word starts fewer than
     * {@code leastPayeeTerms} payee terms there (its matches are then few enough to read by id), the client has
     * more than {@code mostPayees} distinct payees, the word more than {@code mostMemoTerms} memo terms, or the
     * payees found holding it do not account for its payee terms.
     */
    static Optional<PayeeGroups> find(Connection connection, UUID client, String word, Optional<LocalDate> from,
            Optional<LocalDate> to, int leastPayeeTerms, int mostPayees, int mostMemoTerms) throws SQLException {
        if (mostPayees <= 0 || mostMemoTerms <= 0) {
            return Optional.empty();
        }
        long payeeTerms = WordFilter.payeeTerms(connection, client, word, from, to);
        if (payeeTerms < leastPayeeTerms) {
            return Optional.empty();
        }
        Optional<List<String>> payees = TypedText.payees(connection, client, mostPayees);
        if (payees.isEmpty()) {
            return Optional.empty();
        }
        Set<String> holding = new HashSet<>();
        long expected = 0;
        String sql = "select count(*) from transactions t use index (transactions_by_client_payee)"
                + " where t.client_id = ? and t.payee_key = ?" + (from.isPresent() ? " and t.date >= ?" : "")
                + (to.isPresent() ? " and t.date <= ?" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String payee : payees.get()) {
                int words = WordFilter.wordsStarting(payee, word);
                if (words == 0) {
                    continue;
                }
                holding.add(payee);
                statement.setObject(1, client);
                statement.setString(2, payee);
                int index = 3;
                for (Optional<LocalDate> day : List.of(from, to)) {
                    if (day.isPresent()) {
                        statement.setObject(index++, day.get());
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    expected += rows.getLong(1) * words;
                }
            }
        }
        if (expected != payeeTerms) {
            return Optional.empty();
        }
        Optional<List<UUID>> memoMatches = WordFilter.memoCandidates(connection, client, word, from, to, mostMemoTerms);
        return memoMatches.map(ids -> new PayeeGroups(payees.get(), holding, ids));
    }

    /** The client's distinct payees in the order asked for (as the payee index holds them, in lower case). */
    List<String> payees(boolean descending) {
        return descending ? payees.reversed() : payees;
    }

    /** Whether the word starts a word of the payee: then every row of it in the date range matches. */
    boolean holds(String payee) {
        return holding.contains(payee);
    }

    /** The transactions in the date range whose memo has a word starting with the word, in id order. */
    List<UUID> memoMatches() {
        return memoMatches;
    }

    /** Whether the payee was one of the client's: a payee new since means the books changed meanwhile. */
    boolean knows(String payee) {
        return known.contains(payee);
    }
}
