package app.booksflow.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's secondary indexes set aside while a first sync fills books that hold no ledger yet, and
 * put back after it (ADR 0048). H2 keeps an index up to date row by row, each row a walk down its B-tree
 * at a random place; building it once over rows already written sorts them instead, several times
 * cheaper. Only plain indexes are set aside (never a key or a constraint's own index), so the books check
 * every row as before.
 *
 * <p>Each index is recorded in {@code deferred_indexes}, with the statement H2 gives for it, in a
 * committed write before it is dropped; it is removed from there once the index is back. So a stop at any
 * moment leaves either the index or its record, and {@link #putBack} at the next opening finishes the
 * work.
 */
final class DeferredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    /** The tables a first sync fills, and whose plain indexes it writes row by row. */
    static final List<String> TABLES = List.of("TRANSACTIONS", "SPLITS", "SYNC_ENTITIES");

    /** A column of an index as H2 writes it: quoted name, order, where nulls go. */
    private static final String COLUMN = "\"[A-Z0-9_]+\"(?: DESC)?(?: NULLS (?:FIRST|LAST))?";

    /** A plain index on one table of the books, as H2's {@code SCRIPT} writes it; nothing else passes. */
    private static final Pattern PLAIN_INDEX = Pattern.compile("CREATE INDEX \"PUBLIC\"\\.\"([A-Z0-9_]+)\" ON \"PUBLIC\"\\.\"("
            + "[A-Z0-9_]+)\"\\(" + COLUMN + "(?:, " + COLUMN + ")*\\);?");

    private DeferredIndexes() {
    }

    /**
     * The plain indexes of {@link #TABLES}, by name with the statement that makes each, if the books hold
     * no transaction and have none set aside; none otherwise. The caller holds the books' write lock,
     * records them, and has the record on disk before it drops them (see {@link LocalStore#deferLedgerIndexes()}).
     */
    static Map<String, String> plainIndexesIfNoLedger(Connection c) throws SQLException {
        Map<String, String> plain = new LinkedHashMap<>();
        try (Statement statement = c.createStatement()) {
            try (ResultSet any = statement.executeQuery(
                    "select exists (select 1 from transactions), exists (select 1 from deferred_indexes)")) {
                any.next();
                if (any.getBoolean(1) || any.getBoolean(2)) {
                    return plain;
                }
            }
            try (ResultSet script = statement.executeQuery("script nodata table " + String.join(", ", TABLES))) {
                while (script.next()) {
                    Matcher index = PLAIN_INDEX.matcher(script.getString(1).strip());
                    if (index.matches() && TABLES.contains(index.group(2))) {
                        plain.put(index.group(1), stripSemicolon(index.group()));
                    }
                }
            }
        }
        return plain;
    }

    /** Records the indexes about to be dropped, in the caller's transaction. */
    static void record(Connection c, Map<String, String> indexes) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into deferred_indexes (name, definition) values (?, ?)")) {
            for (Map.Entry<String, String> index : indexes.entrySet()) {
                insert.setString(1, index.getKey());
                insert.setString(2, index.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Drops recorded indexes; each drop is a statement H2 commits on its own. */
    static void drop(Connection c, Map<String, String> indexes) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String name : indexes.keySet()) {
                statement.execute("drop index if exists \"PUBLIC\".\"" + name + "\"");
            }
        }
    }

    /**
     * Builds again every index recorded as set aside that is missing, then forgets its record; returns how
     * many were built or found there. Safe to run again after a stop at any point: an index already there
     * is left as it is. A record that is not a plain index of the books (altered outside BooksFlow) is
     * not run: it is told and kept, and the books work on without that index. Books from before the
     * record's table have nothing to put back.
     */
    static int putBack(Connection c) throws SQLException {
        if (!recordsKept(c)) {
            return 0;
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        try (Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("select name, definition from deferred_indexes order by name")) {
            while (rows.next()) {
                recorded.put(rows.getString(1), rows.getString(2));
            }
        }
        int built = 0;
        try (Statement statement = c.createStatement();
                PreparedStatement forget = c.prepareStatement("delete from deferred_indexes where name = ?")) {
            for (Map.Entry<String, String> index : recorded.entrySet()) {
                Matcher plain = PLAIN_INDEX.matcher(index.getValue());
                if (!plain.matches() || !plain.group(1).equals(index.getKey())) {
                    log.error("An index set aside in the books is recorded as something other than a plain index, so it "
                            + "was not built: {} = {}", index.getKey(), index.getValue());
                    continue;
                }
                statement.execute("CREATE INDEX IF NOT EXISTS " + index.getValue().substring("CREATE INDEX ".length()));
                forget.setString(1, index.getKey());
                forget.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                built++;
            }
        }
        return built;
    }

    /** Whether any index is recorded as set aside; false for books from before the record's table. */
    static boolean anySetAside(Connection c) throws SQLException {
        if (!recordsKept(c)) {
            return false;
        }
        try (Statement statement = c.createStatement();
                ResultSet any = statement.executeQuery("select exists (select 1 from deferred_indexes)")) {
            any.next();
            return any.getBoolean(1);
        }
    }

    private static boolean recordsKept(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet table = statement.executeQuery("""
                select count(*) from information_schema.tables
                where table_schema = 'PUBLIC' and table_name = 'DEFERRED_INDEXES'""")) {
            table.next();
            return table.getInt(1) > 0;
        }
    }

    private static String stripSemicolon(String statement) {
        return statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
    }
}
