package app.booksflow.server.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application's tables as the database itself describes them, so that a table added by a later
 * migration is backed up without anyone remembering to list it. Tables come in an order that loads every
 * referenced row before the rows that reference it.
 */
public record SchemaCatalog(List<Table> tables, List<SerialColumn> serialColumns, List<String> standaloneSequences,
        List<String> materializedViews) {

    /** Flyway's bookkeeping: a restore recreates it by migrating, it is not data. */
    public static final String SCHEMA_HISTORY = "flyway_schema_history";

    public record Table(String name, List<String> columns) {
    }

    public record SerialColumn(String table, String column) {
    }

    public static SchemaCatalog read(Connection connection) throws SQLException {
        Map<String, List<String>> columns = columns(connection);
        List<Table> tables = new ArrayList<>();
        for (String name : dependencyOrder(columns.keySet(), foreignKeys(connection))) {
            tables.add(new Table(name, List.copyOf(columns.get(name))));
        }
        return new SchemaCatalog(List.copyOf(tables), serialColumns(connection), standaloneSequences(connection),
                materializedViews(connection));
    }

    /** Every base table of the schema, Flyway's included: what tells an empty database from someone else's. */
    public static List<String> allTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        return tables;
    }

    /** The first table that holds a row, if any does. */
    public Optional<String> firstTableWithRows(Connection connection) throws SQLException {
        for (Table table : tables) {
            try (PreparedStatement select = connection.prepareStatement(
                    "select exists (select 1 from " + quote(table.name()) + ")");
                    ResultSet row = select.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    return Optional.of(table.name());
                }
            }
        }
        return Optional.empty();
    }

    /** Identifiers cannot be bind parameters; these come from the database's own catalog. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select c.table_name, c.column_name
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name <> ?
                  and c.is_generated = 'NEVER'
                order by c.table_name, c.ordinal_position""")) {
            select.setString(1, SCHEMA_HISTORY);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    columns.computeIfAbsent(row.getString(1), table -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        return columns;
    }

    /** For each table, the tables its foreign keys point to. */
    private static Map<String, Set<String>> foreignKeys(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select child.relname, parent.relname
                from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                where k.contype = 'f' and child.relnamespace = current_schema()::regnamespace""");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                parents.computeIfAbsent(row.getString(1), table -> new HashSet<>()).add(row.getString(2));
            }
        }
        return parents;
    }

    /** Parents first; ties by name, so that the order is the same on every run. Self-references need no order. */
    static List<String> dependencyOrder(Set<String> tables, Map<String, Set<String>> parents) {
        List<String> order = new ArrayList<>();
        Set<String> waiting = new TreeSet<>(tables);
        while (!waiting.isEmpty()) {
            Optional<String> next = waiting.stream().filter(table -> parents.getOrDefault(table, Set.of()).stream()
                    .allMatch(parent -> parent.equals(table) || order.contains(parent) || !tables.contains(parent)))
                    .findFirst();
            if (next.isEmpty()) {
                throw new BackupException("The tables " + waiting + " reference each other in a cycle; "
                        + "the backup cannot order them.");
            }
            order.add(next.get());
            waiting.remove(next.get());
        }
        return List.copyOf(order);
    }

    private static List<SerialColumn> serialColumns(Connection connection) throws SQLException {
        List<SerialColumn> serials = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select c.table_name, c.column_name
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name <> ?
                  and pg_get_serial_sequence(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name),
                                             c.column_name) is not null
                order by c.table_name, c.column_name""")) {
            select.setString(1, SCHEMA_HISTORY);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    serials.add(new SerialColumn(row.getString(1), row.getString(2)));
                }
            }
        }
        return List.copyOf(serials);
    }

    /** Sequences no column owns (by a default or {@code owned by}): nothing ties their value to a table's rows. */
    private static List<String> standaloneSequences(Connection connection) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select s.relname from pg_class s
                where s.relkind = 'S' and s.relnamespace = current_schema()::regnamespace
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = s.oid
                                  and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0 and d.deptype in ('a', 'i'))
                order by s.relname""");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                sequences.add(row.getString(1));
            }
        }
        return List.copyOf(sequences);
    }

    private static List<String> materializedViews(Connection connection) throws SQLException {
        List<String> views = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select matviewname from pg_matviews where schemaname = current_schema() order by matviewname");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                views.add(row.getString(1));
            }
        }
        return List.copyOf(views);
    }
}
