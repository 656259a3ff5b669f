package app.booksflow.desktop.ledger;

import app.booksflow.desktop.search.SearchField;
import app.booksflow.desktop.search.WordFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A word's matches in payee order, told apart by payee (decisions 33 and 35). A transaction matches a word when
 * a word of its payee or of its memo starts with it, and the payee order keeps each payee's rows together. The
 * first page then goes through the client's distinct payees in order and asks the term index, which carries each
 * payee and memo term's payee (V18), two questions of each payee it reaches: whether a word of the payee itself
 * starts with the word (then its rows are read in the payee index's order, each checked, as far as the page
 * needs), and otherwise which of its transactions' memos have such a word (few, read by id). A middling word
 * ("a": 4,380 transactions of a client's year, most of them "Amazon" and "Pret A Manger" rows) then costs the
 * page's rows and two look-ups per payee before them, not every match.
 */
final class PayeeGroups {

    /** The terms of one client, field and payee, in term order (V18). */
    private static final String BY_PAYEE = "search_terms st use index (search_terms_by_client_field_payee)";

    private final UUID client;
    private final String word;
    private final Optional<LocalDate> from;
    private final Optional<LocalDate> to;
    private final List<String> payees;

    private PayeeGroups(UUID client, String word, Optional<LocalDate> from, Optional<LocalDate> to,
            List<String> payees) {
        this.client = client;
        this.word = word;
        this.from = from;
        this.to = to;
        this.payees = payees;
    }

    /**
     * The groups of the word's matches in the client's date range, or nothing when the word starts fewer than
     * {@code leastPayeeTerms} payee terms there (its matches are then few enough to gather and read by id), the
     * client has more than {@code mostPayees} distinct payees, or its terms name a payee none of its transactions
     * has.
     *
     * <p>The last is a check, not an expected case: the row and its terms get the same key from the same write,
     * the same in every language (decision 46). Books changed by hand, or a key left by a version that computed
     * it in the JVM's language, could still make a term name a payee its row no longer has, and its matches
     * would then be looked for under that payee.
     */
    static Optional<PayeeGroups> find(Connection connection, UUID client, String word, Optional<LocalDate> from,
            Optional<LocalDate> to, int leastPayeeTerms, int mostPayees) throws SQLException {
        if (mostPayees <= 0 || WordFilter.payeeTerms(connection, client, word, from, to, leastPayeeTerms)
                < leastPayeeTerms) {
            return Optional.empty();
        }
        Optional<List<String>> payees = TypedText.payees(connection, client, mostPayees);
        if (payees.isEmpty()) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>(payees.get());
        for (SearchField field : List.of(SearchField.PAYEE, SearchField.MEMO)) {
            Optional<List<String>> named = TypedText.distinct(connection, BY_PAYEE, List.of("st.client_id", "st.field"),
                    List.of(client, field.code()), "st.payee_key", mostPayees);
            if (named.isEmpty() || !known.containsAll(named.get())) {
                return Optional.empty();
            }
        }
        return Optional.of(new PayeeGroups(client, word, from, to, payees.get()));
    }

    /** The client's distinct payees in the order asked for (as the payee index holds them, in lower case). */
    List<String> payees(boolean descending) {
        return descending ? payees.reversed() : payees;
    }

    /** The two questions asked of each payee, prepared once for a page. */
    Lookup lookup(Connection connection) throws SQLException {
        return new Lookup(connection);
    }

    final class Lookup implements AutoCloseable {

        private final PreparedStatement payeeWord;
        private final PreparedStatement memoWords;

        private Lookup(Connection connection) throws SQLException {
            String where = " where st.client_id = ? and st.field = ? and st.payee_key = ? and st.term >= ? and st.term < ?"
                    + (from.isPresent() ? " and st.on_day >= ?" : "") + (to.isPresent() ? " and st.on_day <= ?" : "");
            payeeWord = connection.prepareStatement("select 1 from " + BY_PAYEE + where + " limit 1");
            try {
                memoWords = connection.prepareStatement("select st.transaction_id from " + BY_PAYEE + where);
            } catch (SQLException e) {
                payeeWord.close();
                throw e;
            }
        }

        /**
         * Whether a word of the payee starts with the word, on a transaction in the date range: its rows may then
         * match by payee, and are read and checked one by one.
         */
        boolean holds(String payee) throws SQLException {
            bind(payeeWord, SearchField.PAYEE, payee);
            try (ResultSet rows = payeeWord.executeQuery()) {
                return rows.next();
            }
        }

        /** The payee's transactions in the date range whose memo has a word starting with the word, each once. */
        List<UUID> memoMatches(String payee) throws SQLException {
            bind(memoWords, SearchField.MEMO, payee);
            Set<UUID> ids = new LinkedHashSet<>();
            try (ResultSet rows = memoWords.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return new ArrayList<>(ids);
        }

        private void bind(PreparedStatement statement, SearchField field, String payee) throws SQLException {
            statement.setObject(1, client);
            statement.setInt(2, field.code());
            statement.setString(3, payee);
            int index = WordFilter.bindWord(statement, 4, word);
            for (Optional<LocalDate> day : List.of(from, to)) {
                if (day.isPresent()) {
                    statement.setObject(index++, day.get());
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                payeeWord.close();
            } finally {
                memoWords.close();
            }
        }
    }
}
