package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void migrateCreatesTheSchemaOnceAndThenHasNothingToDo() throws Exception {
        String empty = TestDatabases.emptyDatabaseUrl();

        Cli.Result first = Cli.run(Cli.on(empty, dataDir, "migrate"));
        Cli.Result second = Cli.run(Cli.on(empty, dataDir, "migrate"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        int shipped = shippedMigrations();
        assertThat(first.out()).startsWith("Applied " + shipped + " migrations to PostgreSQL at jdbc:postgresql://")
                .endsWith("the schema is at version " + shipped + "." + System.lineSeparator());
        assertThat(second.out()).startsWith("Applied 0 migrations");
    }

    @Test
    void commandsThatWriteAskForTheSchemaFirst() {
        Cli.Result refused = Cli.piped("a long password\n", Cli.on(TestDatabases.emptyDatabaseUrl(), dataDir,
                "create-user", "--email", "early@migrate.example", "--name", "Early", "--role", "ADMIN",
                "--organization-name", "Too Early"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: The database has no BooksFlow schema yet: run 'booksflow-server migrate'");
    }

    @Test
    void aDatabaseANewerServerMigratedIsLeftAloneByMigrateAndServe() throws Exception {
        String database = TestDatabases.emptyDatabaseUrl();
        assertThat(Cli.run(Cli.on(database, dataDir, "migrate")).exitCode()).isZero();
        try (Connection c = DriverManager.getConnection(database); Statement sql = c.createStatement()) {
            sql.execute("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    select max(installed_rank) + 1, '99', 'from a newer server', 'SQL', 'V99__newer.sql', 0, 'booksflow',
                        5, true
                    from flyway_schema_history""");
        }
        int shipped = shippedMigrations();

        for (String[] command : new String[][] {{"migrate"}, {"serve", "--port", "0"}}) {
            Cli.Result refused = Cli.run(Cli.on(database, dataDir, command));

            assertThat(refused.exitCode()).as(command[0]).isEqualTo(1);
            assertThat(refused.err()).as(command[0]).startsWith("Error: The database schema is at version 99, newer than "
                    + "this server's (" + shipped + "): a newer BooksFlow server has updated it.")
                    .contains("nothing was changed");
        }
        try (Connection c = DriverManager.getConnection(database); Statement sql = c.createStatement();
                ResultSet rows = sql.executeQuery("select count(*), max(installed_rank) from flyway_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).as("no migration ran or was recorded").isEqualTo(rows.getInt(2));
        }
    }

    /** The migrations in the build, numbered V1, V2, ... without gaps. */
    private static int shippedMigrations() throws Exception {
        java.net.URL folder = MigrateCommandTest.class.getResource("/db/migration");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder.toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
