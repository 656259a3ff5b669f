package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.TestDatabases;
import java.nio.file.Path;
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

    /** The migrations in the build, numbered V1, V2, ... without gaps. */
    private static int shippedMigrations() throws Exception {
        java.net.URL folder = MigrateCommandTest.class.getResource("/db/migration");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder.toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
