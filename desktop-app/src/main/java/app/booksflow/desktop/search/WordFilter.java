package app.booksflow.desktop.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ledger's text filter when the text is made of words: a transaction matches when each word starts
 * a word of its payee or memo, ignoring case and accents, the way the search index splits them. The
 * matches are read from the search index's terms, never from the text columns, so they can be found by
 * term (a rare word) as well as checked row by row (a common one).
 */
public final class WordFilter {

    /** Letters, digits and spaces only: anything else (punctuation, symbols) is not a word query. */
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}\\s]*[\\p{L}\\p{N}][\\p{L}\\p{N}\\s]*");
    private static final String FIELDS = "(" + SearchField.PAYEE.code() + ", " + SearchField.MEMO.code() + ")";

    private final List<String> words;

    private WordFilter(List<String> words) {
        this.words = words;
    }

    /** The filter for the text, or nothing when the text holds anything but letters, digits and spaces. */
    public static Optional<WordFilter> of(String text) {
        if (text == null || !WORDS.matcher(text).matches()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(Terms.of(text)));
        // A word that starts another is implied by it ("a" by "ab") and only costs a check.
        words.removeIf(word -> words.stream().anyMatch(other -> other.length() > word.length() && other.startsWith(word)));
        return words.isEmpty() ? Optional.empty() : Optional.of(new WordFilter(List.copyOf(words)));
    }

    /** The words as the index holds them (folded, lower case), none a prefix of another. */
    public List<String> words() {
        return words;
    }

    /** A condition on the transaction id column given: true when it has a payee or memo term starting with the word. */
    public static String hasWordSql(String transactionIdColumn) {
        return "exists (select 1 from search_terms st where st.transaction_id = " + transactionIdColumn
                + " and st.field in " + FIELDS + " and st.term >= ? and st.term < ?)";
    }

    /** A subquery of the client's transaction ids with a payee or memo term starting with the word. */
    public static String idsWithWordSql() {
        return "select st.transaction_id from search_terms st where st.term >= ? and st.term < ?"
                + " and st.field in " + FIELDS + " and st.client_id = ?";
    }

    /**
     * The client's transaction ids with a payee or memo term starting with the word, in date order (the
     * terms carry their transaction's date), from the term index alone; binds the word's bounds, the
     * client, the dates asked for, then limit and offset.
     */
    public static String idsByDaySql(boolean from, boolean to, boolean descending) {
        String direction = descending ? " desc" : "";
        return "select c.transaction_id from (select distinct st.transaction_id, st.on_day from search_terms st"
                + " where st.term >= ? and st.term < ? and st.field in " + FIELDS + " and st.client_id = ?"
                + (from ? " and st.on_day >= ?" : "") + (to ? " and st.on_day <= ?" : "") + ") c"
                + " order by c.on_day" + direction + ", c.transaction_id" + direction + " limit ? offset ?";
    }

    /** How many of the client's transactions have a payee or memo term starting with the word; binds as above. */
    public static String countByDaySql(boolean from, boolean to) {
        return "select count(distinct st.transaction_id) from search_terms st"
                + " where st.term >= ? and st.term < ? and st.field in " + FIELDS + " and st.client_id = ?"
                + (from ? " and st.on_day >= ?" : "") + (to ? " and st.on_day <= ?" : "");
    }

    /** The two bounds of {@link #hasWordSql} and the first two of {@link #idsWithWordSql}. */
    public static int bindWord(PreparedStatement statement, int first, String word) throws SQLException {
        statement.setString(first, word);
        statement.setString(first + 1, upperBound(word));
        return first + 2;
    }

    /**
     * The word with the fewest payee and memo terms in the client, with that number, counting each word
     * no further than {@code cap} terms of the client. Reads the term index only; a word whose terms are
     * common in other clients costs a longer range of it.
     */
    public Rarest rarest(Connection connection, UUID client, int cap) throws SQLException {
        String sql = "select count(*) from (" + idsWithWordSql() + " limit ?) c";
        String best = null;
        long fewest = Long.MAX_VALUE;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String word : words) {
                int next = bindWord(statement, 1, word);
                statement.setObject(next, client);
                statement.setInt(next + 1, cap);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    long count = rows.getLong(1);
                    if (count < fewest) {
                        fewest = count;
                        best = word;
                    }
                }
            }
        }
        return new Rarest(best, fewest);
    }

    /** A word and how many payee and memo terms of the client start with it (up to the cap asked for). */
    public record Rarest(String word, long terms) {
    }

    /** Terms are folded text, so no character of one sorts after U+FFFF: this bounds the prefix range. */
    private static String upperBound(String word) {
        return word + '\uFFFF';
    }
}
