package app.booksflow.server.cli;

import app.booksflow.server.ServerConfig;
import app.booksflow.server.accounts.AccountService;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset-password", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sets a new password for a user and ends all their sessions (the change is in the audit trail).",
            "The password is asked for without echo; without a terminal it is the first line of standard input."})
final class ResetPasswordCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email address.")
    String email;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Terminal terminal = cli.terminal();
        ServerConfig config = database.config(terminal.env(), Map.of());
        try (OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            Schema.requireCurrent(db.dataSource());
            AccountService accounts = Accounts.service(config, db.dataSource());
            if (accounts.findByEmail(email).isEmpty()) {
                throw new CliException("No user has the email address " + email.strip() + ".");
            }
            char[] password = PasswordInput.readNew(terminal, email.strip());
            try {
                accounts.resetPassword(email, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            terminal.out().printf("Set a new password for %s and ended their sessions.%n", email.strip());
        }
        return 0;
    }
}
