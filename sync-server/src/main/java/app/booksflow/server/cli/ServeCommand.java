package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the sync server until Ctrl-C.",
            "Without --db-url it starts the embedded PostgreSQL in DIR/postgres (created on first start, kept across "
                    + "restarts), brings the schema up to date, and prints where it listens and how to create the first admin."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The HTTP port (env BOOKSFLOW_PORT; default " + ServerConfig.DEFAULT_PORT + "; 0 picks a free one).")
    Integer port;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Terminal terminal = cli.terminal();
        ServerConfig config = database.config(terminal.env(),
                port == null ? Map.of() : Map.of("port", Integer.toString(port)));
        RunningServer running = RunningServer.start(config, Clock.systemUTC());
        Thread shutdown = new Thread(running::close, "booksflow-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        printWelcome(terminal.out(), config, running, Duration.ofNanos(System.nanoTime() - started));
        try {
            running.awaitStop();
        } catch (InterruptedException e) {
            // Whoever runs the server in its own thread (a test) stops it by interrupting that thread.
            running.close();
            Runtime.getRuntime().removeShutdownHook(shutdown);
            Thread.currentThread().interrupt();
        }
        terminal.out().println("Stopped.");
        terminal.out().flush();
        return 0;
    }

    private void printWelcome(PrintWriter out, ServerConfig config, RunningServer running, Duration startup) {
        String scheme = config.keystore().isPresent() ? "https" : "http";
        out.printf("BooksFlow sync server started in %d ms.%n", startup.toMillis());
        out.printf("Listening on %s://%s:%d (readiness: %s://localhost:%d/ready)%n", scheme, config.host(), running.port(),
                scheme, running.port());
        out.printf("Database:    %s%s%n", running.database().description(),
                running.migrationsApplied() > 0 ? ", " + running.migrationsApplied() + " migration(s) applied" : "");
        out.printf("Data:        %s (receipt files in %s)%n", config.dataDir(), config.blobDir());
        running.warnings().forEach(warning -> out.printf("Warning:     %s%n", warning));
        List<String> createAdmin = new ArrayList<>(List.of("create-user"));
        createAdmin.addAll(database.sameDatabaseArguments(config));
        createAdmin.addAll(List.of("--email", "admin@example.com", "--name", "Your Name", "--role", "ADMIN",
                "--organization-name", "Your Practice"));
        out.println("Create the first admin in another terminal (it asks for the password):");
        out.println("  " + ShellCommand.of(createAdmin));
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
