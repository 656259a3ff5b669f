package app.booksflow.server.cli;

import app.booksflow.server.db.Database;
import java.util.Optional;
import javax.sql.DataSource;

/** What the commands need of the schema before they touch data. */
final class Schema {

    private Schema() {
    }

    /** Commands that write need this server's schema: a wrong URL must not get a half-made practice. */
    static String requireCurrent(DataSource dataSource) {
        String latest = Database.latestVersion(dataSource);
        String current = requirePresent(dataSource);
        if (Database.isNewer(current, latest)) {
            throw new CliException("The database schema is at version " + current + ", newer than this server's ("
                    + latest + "): use the newer server.");
        }
        if (!current.equals(latest)) {
            throw new CliException("The database schema is at version " + current + " but this server needs version "
                    + latest + ": run 'booksflow-server migrate' (or start the server) first.");
        }
        return current;
    }

    static String requirePresent(DataSource dataSource) {
        Optional<String> current = Database.currentVersion(dataSource);
        return current.orElseThrow(() -> new CliException("The database has no BooksFlow schema yet: "
                + "run 'booksflow-server migrate' (or start the server) first, or check the database options."));
    }
}
