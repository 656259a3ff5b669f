package app.booksflow.desktop.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every row of every table of the books, which is how damage that H2 left after an abrupt stop shows
 * itself ("Chunk N not found" for a whole table, ADR 0011) before any screen trips over it. Reads each
 * table's rows, not its secondary indexes.
 */
public final class WholeBooks {

    private WholeBooks() {
    }

    /**
     * @return the rows of each table, by lower-case table name
     * @throws SQLException naming the table that could not be read, with H2's reason
     */
    public static Map<String, Long> readEveryRow(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            long count = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                    count++;
                }
            } catch (SQLException e) {
                throw new SQLException("The table " + table.toLowerCase(Locale.ROOT) + " could not be read: "
                        + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
            counts.put(table.toLowerCase(Locale.ROOT), count);
        }
        return counts;
    }
}
