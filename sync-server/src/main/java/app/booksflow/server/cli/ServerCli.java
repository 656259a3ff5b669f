package app.booksflow.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The server's command line: {@code java -jar booksflow-server.jar COMMAND}. Exit codes: 0 done, 1 failed
 * (or, for verify-audit, a broken chain), 2 wrong options.
 */
@Command(name = "booksflow-server", mixinStandardHelpOptions = true, versionProvider = ServerCli.Version.class,
        description = "The BooksFlow sync server, and the commands an admin looks after it with.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Without --db-url every command uses the embedded PostgreSQL in the data directory; "
                + "while the server runs, the other commands share its database.",
                "Run 'booksflow-server COMMAND --help' for the options of a command."},
        subcommands = {ServeCommand.class, MigrateCommand.class, CreateUserCommand.class, ResetPasswordCommand.class,
                VerifyAuditCommand.class, BackupCommand.class, RestoreCommand.class})
public final class ServerCli implements Callable<Integer> {

    static final int FAILED = 1;

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    ServerCli(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    /** Runs one command line and returns its exit code; tests call this with their own terminal. */
    public static int run(Terminal terminal, String... args) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new ServerCli(terminal))
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        int exitCode = commandLine.execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return exitCode;
    }

    Terminal terminal() {
        return terminal;
    }

    /** Without a command there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return spec.exitCodeOnInvalidInput();
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ServerCli.class.getPackage().getImplementationVersion();
            return new String[] {"BooksFlow server " + (version == null ? "(development build)" : version)};
        }
    }
}
