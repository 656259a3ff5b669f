package app.booksflow.desktop.ledger;

import app.booksflow.desktop.store.TextKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Text to find as typed (with punctuation, or without any letter or digit) in a client's payees and memos,
 * looked for in their distinct values rather than in every row: a client's rows share few payees and
 * memos (the 1,000,000 store's first client has 133,737 rows, about a hundred payees and a few hundred
 * memos). The distinct values are read by stepping through the payee index (V4) and the memo index (V16),
 * one look-up from each value to the next, and the text is checked on them the way the ledger's query
 * checks it on a row ({@code like}, ignoring case, with % _ \ taken as plain characters). When no value
 * holds the text, nothing matches and no row is read; otherwise the rows of those values are the
 * candidates. A client with more distinct values than the limit is left to the row-by-row check (ADR 0026).
 */
final class TypedText {

    private static final String PAYEE_INDEX = "transactions_by_client_payee";
    private static final String MEMO_INDEX = "transactions_by_client_memo";

    private final List<String> payees;
    private final List<String> memos;

    private TypedText(List<String> payees, List<String> memos) {
        this.payees = payees;
        this.memos = memos;
    }

    /**
     * The client's distinct payees (lower case, as the payee index holds them) and memos that hold the text,
     * or nothing when the client has more than {@code most} distinct payees or memos.
     */
    static Optional<TypedText> find(Connection connection, UUID client, String text, int most) throws SQLException {
        if (most <= 0) {
            return Optional.empty();
        }
        Optional<List<String>> payees = distinct(connection, client, "payee_key", PAYEE_INDEX, most);
        if (payees.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> memos = distinct(connection, client, "memo", MEMO_INDEX, most);
        if (memos.isEmpty()) {
            return Optional.empty();
        }
        String pattern = pattern(text);
        return Optional.of(new TypedText(holding(connection, payees.get(), "like", pattern),
                holding(connection, memos.get(), "ilike", pattern)));
    }

    /**
     * The {@code like} pattern of the text: anywhere, lower case as the payee keys are ({@link TextKeys}),
     * % _ \ as plain characters. Compared with payee keys by {@code like}, with anything else by {@code ilike}
     * (case by case per character, the same in every language, unlike the database's {@code lower()}).
     */
    static String pattern(String text) {
        return "%" + TextKeys.lower(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** No payee or memo of the client holds the text: nothing matches. */
    boolean none() {
        return payees.isEmpty() && memos.isEmpty();
    }

    List<String> payees() {
        return payees;
    }

    List<String> memos() {
        return memos;
    }

    /**
     * The client's transactions whose payee or memo is one of the values holding the text, in the date range
     * asked for (by its bounds, checked again by the page's query), or nothing when there are more than
     * {@code most}.
     */
    Optional<List<UUID>> transactions(Connection connection, UUID client, int most) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (boolean payee : List.of(true, false)) {
            List<String> values = payee ? payees : memos;
            if (values.isEmpty()) {
                continue;
            }
            String sql = "select t.id from table(v varchar = ?) x join transactions t use index ("
                    + (payee ? PAYEE_INDEX : MEMO_INDEX) + ") on t.client_id = ? and t." + (payee ? "payee_key" : "memo")
                    + " = x.v limit ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, values.toArray(new String[0]));
                statement.setObject(2, client);
                statement.setInt(3, most + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            if (ids.size() > most) {
                return Optional.empty();
            }
        }
        // A row may hold the text in both its payee and its memo.
        List<UUID> distinct = ids.stream().distinct().toList();
        return distinct.size() > most ? Optional.empty() : Optional.of(distinct);
    }

    /** The client's distinct payees, lower case and in the payee index's order, or nothing past {@code most}. */
    static Optional<List<String>> payees(Connection connection, UUID client, int most) throws SQLException {
        return distinct(connection, client, "payee_key", PAYEE_INDEX, most);
    }

    /** The client's distinct values of the column, in the index's order, one look-up each; nothing past {@code most}. */
    private static Optional<List<String>> distinct(Connection connection, UUID client, String column, String index,
            int most) throws SQLException {
        return distinct(connection, "transactions t use index (" + index + ")", List.of("t.client_id"), List.of(client),
                "t." + column, most);
    }

    /**
     * The distinct values of a column within the rows whose leading columns of an index equal the values given, in
     * the index's order (the column next after them), one look-up each; nothing past {@code most}. A null value
     * (first in the index) is listed as null.
     *
     * @param from the table and the index to read, as a from clause
     * @param leading the index's leading columns, each equal to the value at its place in {@code values}
     */
    static Optional<List<String>> distinct(Connection connection, String from, List<String> leading,
            List<Object> values, String column, int most) throws SQLException {
        String where = String.join(" and ", leading.stream().map(name -> name + " = ?").toList());
        String select = "select " + column + " from " + from + " where " + where;
        String order = " order by " + String.join(", ", leading) + ", " + column + " limit 1";
        List<String> found = new ArrayList<>();
        try (PreparedStatement first = connection.prepareStatement(select + order);
                PreparedStatement next = connection.prepareStatement(select + " and " + column + " >= ?" + order)) {
            for (int i = 0; i < values.size(); i++) {
                first.setObject(i + 1, values.get(i));
                next.setObject(i + 1, values.get(i));
            }
            boolean any;
            String value;
            try (ResultSet rows = first.executeQuery()) {
                any = rows.next();
                value = any ? rows.getString(1) : null;
            }
            if (any && value == null) {
                found.add(null);
                // The least string: every non-null value is at least that.
                next.setString(values.size() + 1, "");
                value = one(next);
            }
            while (value != null) {
                if (found.size() == most) {
                    return Optional.empty();
                }
                found.add(value);
                // The least string after the value: the index is entered past all of its rows. With "> value"
                // the database enters at the value and steps over each of its rows (every row of the client).
                next.setString(values.size() + 1, value + "\u0000");
                value = one(next);
            }
        }
        return Optional.of(found);
    }

    private static String one(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /**
     * The values that match the pattern, as the page's query checks a row.
     *
     * @param like {@code like} for payee keys, {@code ilike} for text as typed
     */
    private static List<String> holding(Connection connection, List<String> values, String like, String pattern)
            throws SQLException {
        List<String> result = new ArrayList<>();
        if (values.isEmpty()) {
            return result;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select x.v from table(v varchar = ?) x where x.v " + like + " ? escape '\\'")) {
            statement.setObject(1, values.toArray(new String[0]));
            statement.setString(2, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
        }
        return result;
    }
}
