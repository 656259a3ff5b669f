package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.db.Database;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Creates the database schema, or brings it up to this server's version.",
            "The server does this itself when it starts; run it alone to prepare a new database for create-user, "
                    + "or to update the schema without starting the server."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        ServerConfig config = database.config(cli.terminal().env(), Map.of());
        try (OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            int applied = Database.migrate(db.dataSource());
            String version = Database.currentVersion(db.dataSource()).orElse("none");
            cli.terminal().out().printf("Applied %d migration%s to %s; the schema is at version %s.%n", applied,
                    applied == 1 ? "" : "s", db.description(), version);
        }
        return 0;
    }
}
