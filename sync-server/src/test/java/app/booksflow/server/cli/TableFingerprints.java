package app.booksflow.server.cli;

import app.booksflow.server.backup.SchemaCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every application table's row count and an md5 over its rows in primary-key order: equal fingerprints, equal content. */
final class TableFingerprints {

    private TableFingerprints() {
    }

    static Map<String, String> of(String databaseUrl) throws SQLException {
        Map<String, String> fingerprints = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl)) {
            for (SchemaCatalog.Table table : SchemaCatalog.read(connection).tables()) {
                fingerprints.put(table.name(), fingerprint(connection, table.name()));
            }
        }
        return fingerprints;
    }

    private static String fingerprint(Connection connection, String table) throws SQLException {
        String order = primaryKey(connection, table).stream().map(column -> "t.\"" + column + "\"")
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, "
                        + "E'\\n' order by " + (order.isEmpty() ? "t::text" : order) + "), '')) from \"" + table + "\" t")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ?::regclass and i.indisprimary
                order by array_position(i.indkey::int2[], a.attnum)""")) {
            select.setString(1, table);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    columns.add(row.getString(1));
                }
            }
        }
        return columns;
    }

    static long count(String databaseUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
