package app.booksflow.server.cli;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.AccountService.UserView;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "create-user", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a user. The first admin of a new practice: --role ADMIN --organization-name NAME.",
            "The password is asked for without echo; without a terminal it is the first line of standard input. "
                    + "It is never an argument.",
            "Prints the new user's id and the practice's (organization's) id."})
final class CreateUserCommand implements Callable<Integer> {

    @ParentCommand
    ServerCli cli;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The address the user signs in with.")
    String email;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The user's name, as others see it.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "One of ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(names = "--client", paramLabel = "ID", description = "The client (business) a CLIENT user belongs to.")
    UUID client;

    @ArgGroup(exclusive = true, multiplicity = "1")
    PracticeChoice practice;

    @Mixin
    DatabaseOptions database;

    static final class PracticeChoice {
        @Option(names = "--organization-name", paramLabel = "NAME",
                description = "Creates a new practice of this name; its first user must be an ADMIN.")
        String newPractice;

        @Option(names = "--organization", paramLabel = "ID", description = "The id of the existing practice to add the user to.")
        UUID existing;
    }

    @Override
    public Integer call() throws SQLException {
        Optional<ClientId> clientId = Optional.ofNullable(client).map(ClientId::new);
        validate(clientId);
        Terminal terminal = cli.terminal();
        ServerConfig config = database.config(terminal.env(), Map.of());
        try (OpenDatabase db = OpenDatabase.open(config, 2, OpenDatabase.Sharing.SHARED)) {
            Schema.requireCurrent(db.dataSource());
            AccountService accounts = Accounts.service(config, db.dataSource());
            if (accounts.findByEmail(email).isPresent()) {
                throw new CliException("A user with the email address " + email.strip()
                        + " exists already; reset-password sets a new password.");
            }
            Optional<String> existingName = Optional.empty();
            if (practice.existing != null) {
                try (Connection connection = db.dataSource().getConnection()) {
                    existingName = Optional.of(Accounts.practiceName(connection, practice.existing).orElseThrow(
                            () -> new CliException("There is no practice with the id " + practice.existing + ".")));
                }
            }
            char[] password = PasswordInput.readNew(terminal, email.strip());
            try {
                Organization organization = existingName
                        .map(known -> new Organization(new OrganizationId(practice.existing), known))
                        .orElseGet(() -> accounts.createOrganization(practice.newPractice.strip()));
                UserView user = accounts.createUser(Optional.empty(), organization.id(), email, name, role, clientId, password);
                print(terminal.out(), user, organization, existingName.isEmpty());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return 0;
    }

    /** Everything that can be checked before the database is touched, so that a mistake leaves no empty practice behind. */
    private void validate(Optional<ClientId> clientId) {
        if (practice.newPractice != null) {
            if (role != Role.ADMIN) {
                throw new CliException("The first user of a new practice must be an ADMIN: use --role ADMIN, "
                        + "or --organization ID to add the user to an existing practice.");
            }
            new Organization(OrganizationId.random(), practice.newPractice);
        }
        new User(UserId.random(), OrganizationId.random(), email, name, role, clientId);
    }

    private static void print(PrintWriter out, UserView user, Organization organization, boolean newPractice) {
        out.printf("Created the %s %s in the %spractice \"%s\".%n", user.role(), user.email(),
                newPractice ? "new " : "", organization.name());
        out.printf("User id:         %s%n", user.id());
        out.printf("Organization id: %s%n", organization.id());
    }
}
