package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.audit.AuditVerifier;
import app.booksflow.server.audit.AuditVerifier.Report;
import app.booksflow.server.backup.BackupArchive;
import app.booksflow.server.backup.Manifest;
import app.booksflow.server.backup.Restorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads a backup made by 'backup' into an empty database, and its receipt files into the data directory.",
            "Refuses a database that holds any data. The whole backup is checked before anything is written, "
                    + "and the tables are loaded in one transaction."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup zip file.")
    Path source;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws SQLException {
        ServerConfig config = database.config(cli.terminal().env(), Map.of());
        // Checked before the database is opened: a damaged file must not even start the embedded PostgreSQL.
        try (BackupArchive archive = BackupArchive.open(source);
                OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            Restorer.Result result = new Restorer().restore(archive, db.dataSource(), config.blobDir());
            List<Report> audit;
            try (Connection connection = db.dataSource().getConnection()) {
                audit = new AuditVerifier().verifyAll(connection);
            }
            print(cli.terminal().out(), result, audit, db.description());
        }
        return 0;
    }

    private static void print(PrintWriter out, Restorer.Result result, List<Report> audit, String where) {
        Manifest manifest = result.manifest();
        out.printf("Restored %d rows of %d tables (schema version %s, backed up at %s) into %s, and %d receipt files.%n",
                manifest.totalRows(), manifest.tables().size(), manifest.schemaVersion(), manifest.createdAt(), where,
                result.blobFilesWritten());
        long broken = audit.stream().filter(report -> !report.intact()).count();
        if (broken == 0) {
            out.printf("Every audit chain is intact (%s).%n", VerifyAuditCommand.practices(audit.size()));
        } else {
            out.printf("Warning: %d of %d restored audit chains are broken, as they were in the backup; "
                    + "run verify-audit for the details.%n", broken, audit.size());
        }
    }
}
