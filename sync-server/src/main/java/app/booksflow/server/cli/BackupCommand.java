package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.backup.BackupWriter;
import app.booksflow.server.backup.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a consistent snapshot of the database and the receipt files into a zip file.",
            "Safe while the server runs: every table is read in one read-only transaction. Restore it with 'restore'."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The zip file to write; it must not exist yet.")
    Path target;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        ServerConfig config = database.config(cli.terminal().env(), Map.of());
        Manifest manifest;
        try (OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            Schema.requirePresent(db.dataSource());
            manifest = new BackupWriter(Clock.systemUTC()).write(db.dataSource(), config.blobDir(), target);
        }
        cli.terminal().out().printf("Backed up %d rows of %d tables and %d receipt files (schema version %s) to %s (%,d bytes).%n",
                manifest.totalRows(), manifest.tables().size(), manifest.blobs().size(), manifest.schemaVersion(),
                target.toAbsolutePath(), Files.size(target));
        return 0;
    }
}
