package app.booksflow.desktop.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ledger's text filter when the text holds a letter or digit: a transaction matches when each word
 * of the text starts a word of its payee or memo, ignoring case and accents, the way the search index
 * splits them. The matches are read from the search index's terms, never from the text columns, so they
 * can be found by term (a rare word) as well as checked row by row (a common one). Text with anything
 * else than letters, digits and spaces ("ltd.", "co-op", "4,200.00") also has a {@link #literal()}: its
 * words are looked up the same way, and the text as typed must then appear in the payee or memo.
 */
public final class WordFilter {

    /** Letters, digits and spaces only: anything else (punctuation, symbols) is not a word query. */
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}\\s]*[\\p{L}\\p{N}][\\p{L}\\p{N}\\s]*");
    private static final String FIELDS = "(" + SearchField.PAYEE.code() + ", " + SearchField.MEMO.code() + ")";
    /**
     * A word's range in every client, named: with the client in the condition the database would otherwise
     * take the index by client (V14), which it can read for one field only, and read all the client's terms.
     */
    private static final String BY_TERM = "search_terms st use index (search_terms_by_term_field_day)";

    private final List<String> words;
    private final String literal;

    private WordFilter(List<String> words, String literal) {
        this.words = words;
        this.literal = literal;
    }

    /**
     * The filter for the text, or nothing when the text holds no letter or digit (such text can only be
     * looked for as it is, in every row).
     */
    public static Optional<WordFilter> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(Terms.of(text)));
        // A word that starts another is implied by it ("a" by "ab") and only costs a check.
        words.removeIf(word -> words.stream().anyMatch(other -> other.length() > word.length() && other.startsWith(word)));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        return Optional.of(new WordFilter(List.copyOf(words), WORDS.matcher(stripped).matches() ? null : stripped));
    }

    /** The words as the index holds them (folded, lower case), none a prefix of another. */
    public List<String> words() {
        return words;
    }

    /**
     * The text as typed, when it holds anything but letters, digits and spaces: a match must also contain
     * it in its payee or memo, ignoring case (the words alone find the candidates).
     */
    public Optional<String> literal() {
        return Optional.ofNullable(literal);
    }

    /** A condition on the transaction id column given: true when it has a payee or memo term starting with the word. */
    public static String hasWordSql(String transactionIdColumn) {
        return "exists (select 1 from search_terms st where st.transaction_id = " + transactionIdColumn
                + " and st.field in " + FIELDS + " and st.term >= ? and st.term < ?)";
    }

    /** A subquery of the client's transaction ids with a payee or memo term starting with the word. */
    public static String idsWithWordSql() {
        return "select st.transaction_id from " + BY_TERM + " where st.term >= ? and st.term < ?"
                + " and st.field in " + FIELDS + " and st.client_id = ?";
    }

    /**
     * The client's transaction ids with a payee or memo term starting with the word, in date order (the
     * terms carry their transaction's date), from the term index alone; binds the word's bounds, the
     * client, the dates asked for, then limit and offset.
     */
    public static String idsByDaySql(boolean from, boolean to, boolean descending) {
        String direction = descending ? " desc" : "";
        return "select c.transaction_id from (select distinct st.transaction_id, st.on_day from " + BY_TERM
                + " where st.term >= ? and st.term < ? and st.field in " + FIELDS + " and st.client_id = ?"
                + (from ? " and st.on_day >= ?" : "") + (to ? " and st.on_day <= ?" : "") + ") c"
                + " order by c.on_day" + direction + ", c.transaction_id" + direction + " limit ? offset ?";
    }

    /** How many of the client's transactions have a payee or memo term starting with the word; binds as above. */
    public static String countByDaySql(boolean from, boolean to) {
        return "select count(distinct st.transaction_id) from " + BY_TERM
                + " where st.term >= ? and st.term < ? and st.field in " + FIELDS + " and st.client_id = ?"
                + (from ? " and st.on_day >= ?" : "") + (to ? " and st.on_day <= ?" : "");
    }

    /** The two bounds of {@link #hasWordSql} and the first two of {@link #idsWithWordSql}. */
    public static int bindWord(PreparedStatement statement, int first, String word) throws SQLException {
        statement.setString(first, word);
        statement.setString(first + 1, Terms.upperBound(word));
        return first + 2;
    }

    /**
     * The word with the fewest payee and memo terms in the client, with that number, counting each word
     * no further than {@code cap} terms of the client in each field. Reads the client's own range of the
     * index by client (V14), one field at a time: the database uses that index for one field, not for a
     * list of them.
     */
    public Rarest rarest(Connection connection, UUID client, int cap) throws SQLException {
        String one = "(select count(*) from (select 1 from search_terms st where st.client_id = ? and st.field = %d"
                + " and st.term >= ? and st.term < ? limit ?) c)";
        String sql = "select " + one.formatted(SearchField.PAYEE.code()) + " + " + one.formatted(SearchField.MEMO.code());
        String best = null;
        long fewest = Long.MAX_VALUE;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String word : words) {
                int index = 1;
                for (int field = 0; field < 2; field++) {
                    statement.setObject(index++, client);
                    index = bindWord(statement, index, word);
                    statement.setInt(index++, cap);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    long count = Math.min(rows.getLong(1), cap);
                    if (count < fewest) {
                        fewest = count;
                        best = word;
                    }
                }
            }
        }
        return new Rarest(best, fewest);
    }

    /**
     * The client's transactions with a payee or memo term starting with the word, dated in the range
     * given (either end may be open), in id order, each once; from the index by client (V14) alone. Nothing
     * when more than {@code most} terms in one field match (the transactions could then be more than that).
     */
    public static Optional<List<UUID>> candidates(Connection connection, UUID client, String word,
            Optional<LocalDate> from, Optional<LocalDate> to, int most) throws SQLException {
        String sql = "select st.transaction_id from search_terms st where " + inClientRange(from, to) + " limit ?";
        TreeSet<UUID> ids = new TreeSet<>(WordFilter::compareIds);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (SearchField field : List.of(SearchField.PAYEE, SearchField.MEMO)) {
                int index = bindClientRange(statement, client, field, word, from, to);
                statement.setInt(index, most + 1);
                int terms = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        terms++;
                    }
                }
                if (terms > most || ids.size() > most) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(List.copyOf(ids));
    }

    /**
     * How many payee terms of the client's transactions dated in the range start with the word, counted no
     * further than {@code cap}: one per transaction and distinct word of its payee starting with it. From the
     * index by client alone.
     */
    public static long payeeTerms(Connection connection, UUID client, String word, Optional<LocalDate> from,
            Optional<LocalDate> to, int cap) throws SQLException {
        if (cap <= 0) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from (select 1 from search_terms st where " + inClientRange(from, to) + " limit ?) c")) {
            int index = bindClientRange(statement, client, SearchField.PAYEE, word, from, to);
            statement.setInt(index, cap);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** One field's terms of a client starting with a word, in a date range; bound by {@link #bindClientRange}. */
    private static String inClientRange(Optional<LocalDate> from, Optional<LocalDate> to) {
        return "st.client_id = ? and st.field = ? and st.term >= ? and st.term < ?"
                + (from.isPresent() ? " and st.on_day >= ?" : "") + (to.isPresent() ? " and st.on_day <= ?" : "");
    }

    private static int bindClientRange(PreparedStatement statement, UUID client, SearchField field, String word,
            Optional<LocalDate> from, Optional<LocalDate> to) throws SQLException {
        statement.setObject(1, client);
        statement.setInt(2, field.code());
        int index = bindWord(statement, 3, word);
        for (Optional<LocalDate> day : List.of(from, to)) {
            if (day.isPresent()) {
                statement.setObject(index++, day.get());
            }
        }
        return index;
    }

    /** The database's order of UUIDs (unsigned, high bits first): neighbouring ids are read one after the other. */
    private static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** A word and how many payee and memo terms of the client start with it (up to the cap asked for). */
    public record Rarest(String word, long terms) {
    }
}
