package app.booksflow.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, without starting Flyway, whether the books' schema already has every migration the app ships:
 * the versions listed in {@code db/desktop} (SQL files and Java migration classes, read from the class
 * path folder or jar) against the successful rows of {@code flyway_schema_history}. Anything unusual
 * (no history table, a failed row, a version the app does not ship, a repeatable migration, a folder that
 * cannot be listed) answers "not current", and Flyway then does its full work, checksums included.
 */
final class SchemaHistory {

    /** Folder of the migrations on the class path, as in {@link LocalStore#MIGRATIONS}. */
    static final String FOLDER = "db/desktop/";
    /** A migration that is always there, to find the folder or jar the migrations live in. */
    private static final String ANCHOR = FOLDER + "V1__local_books.sql";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.(?:sql|class)");
    private static final Logger log = LoggerFactory.getLogger(SchemaHistory.class);

    private SchemaHistory() {
    }

    /** True when the history holds exactly the shipped versions, all successful; false whenever in doubt. */
    static boolean isCurrent(DataSource dataSource) {
        Optional<Set<String>> shipped = shippedVersions();
        if (shipped.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<Set<String>> applied = appliedVersions(connection);
            boolean current = applied.isPresent() && applied.get().equals(shipped.get());
            if (!current) {
                log.info("Schema history {} differs from the migrations shipped {}: Flyway migrates",
                        applied.map(Object::toString).orElse("(missing or not clean)"), shipped.get());
            }
            return current;
        } catch (SQLException e) {
            log.info("Schema history could not be read ({}): Flyway checks it", e.getMessage());
            return false;
        }
    }

    /**
     * The successful versions of the history, or nothing when it is missing or holds anything but
     * successful versioned SQL or Java migrations (and Flyway's marker rows).
     */
    static Optional<Set<String>> appliedVersions(Connection connection) throws SQLException {
        if (!hasHistoryTable(connection)) {
            return Optional.empty();
        }
        Set<String> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select \"version\", \"type\", \"success\" from \"flyway_schema_history\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(2);
                boolean success = rows.getBoolean(3);
                if (success && version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                    continue; // Flyway's own marker of creating the history table or the schema
                }
                if (version == null || !success || !("SQL".equals(type) || "JDBC".equals(type))) {
                    return Optional.empty();
                }
                versions.add(normalized(version));
            }
        }
        return Optional.of(versions);
    }

    /**
     * Whether these are new books whose making was cut short (a kill or a power cut during the first
     * start): the first migration never completed, some of its tables exist, and none holds a single
     * row. H2 commits each statement of a schema on its own, so such books hold part of a schema that
     * Flyway cannot finish; nothing is lost by making them again.
     */
    static boolean isUnfinishedAndEmpty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (hasHistoryTable(connection)) {
                try (Statement statement = connection.createStatement(); ResultSet first = statement.executeQuery(
                        "select count(*) from \"flyway_schema_history\" where \"version\" = '1' and \"success\"")) {
                    first.next();
                    if (first.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                            + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                        "select 1 from \"" + table.replace("\"", "\"\"") + "\" fetch first 1 row only")) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            return !tables.isEmpty(); // a database without tables is simply new
        } catch (SQLException e) {
            log.info("The books could not be checked for an unfinished start ({}): Flyway checks them", e.getMessage());
            return false;
        }
    }

    /** Whether the first migration never completed here: books that are new, or whose making was cut short. */
    static boolean neverMigrated(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistoryTable(connection)) {
                return true;
            }
            try (Statement statement = connection.createStatement(); ResultSet first = statement.executeQuery(
                    "select count(*) from \"flyway_schema_history\" where \"version\" = '1' and \"success\"")) {
                first.next();
                return first.getLong(1) == 0;
            }
        } catch (SQLException e) {
            log.info("The books' schema history could not be read ({}): Flyway checks it", e.getMessage());
            return false;
        }
    }

    private static boolean hasHistoryTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return tables.next();
        }
    }

    /**
     * The versions of the migrations in {@code db/desktop}, from the folder or jar they are in, or nothing
     * when that cannot be listed or holds anything the fast path does not understand.
     */
    static Optional<Set<String>> shippedVersions() {
        URL anchor = SchemaHistory.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            return Optional.empty();
        }
        try {
            List<String> names = switch (anchor.getProtocol()) {
                case "file" -> namesInFolder(Path.of(anchor.toURI()).getParent());
                case "jar" -> namesInJar(anchor);
                default -> null;
            };
            return names == null ? Optional.empty() : versionsOf(names);
        } catch (IOException | URISyntaxException | UncheckedIOException | IllegalArgumentException e) {
            log.info("The migrations could not be listed ({}): Flyway checks the schema", e.toString());
            return Optional.empty();
        }
    }

    /** Every file name in the folder, with a "/" at the end of subfolders. */
    private static List<String> namesInFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName() + (Files.isDirectory(file) ? "/" : "")).toList();
        }
    }

    /** Every entry under the folder in the jar, relative to it. */
    private static List<String> namesInJar(URL anchor) throws IOException {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        connection.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(FOLDER) && name.length() > FOLDER.length()) {
                    names.add(name.substring(FOLDER.length()));
                }
            }
        }
        return names;
    }

    /** The versions of versioned migrations; nothing when any other kind of file or a subfolder is there. */
    static Optional<Set<String>> versionsOf(List<String> names) {
        Set<String> versions = new TreeSet<>();
        for (String name : names) {
            Matcher versioned = VERSIONED.matcher(name);
            if (versioned.matches()) {
                if (!name.contains("$")) {
                    versions.add(normalized(versioned.group(1)));
                }
            } else if (name.endsWith(".sql") || name.contains("/") || name.matches("[A-Z]\\w*__.*")) {
                // Repeatable, undo or baseline migrations, or migrations in subfolders: Flyway's rules decide.
                return Optional.empty();
            }
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    /** "1_1", "1.1" and "01.1.0" are the same version to Flyway. */
    static String normalized(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
