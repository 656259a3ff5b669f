package app.booksflow.server.cli;

import app.booksflow.model.DomainException;
import app.booksflow.server.ApiException;
import app.booksflow.server.backup.BackupException;
import app.booksflow.server.db.Database;
import app.booksflow.server.db.Db;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on standard error and an exit code. Mistakes the admin can fix get their
 * message only; anything else is a bug, whose stack trace goes to the log.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Optional<String> message = userMessage(e);
        if (message.isPresent()) {
            err.println("Error: " + message.get());
        } else {
            LOG.error("{} failed unexpectedly", command.getCommandSpec().qualifiedName(), e);
            err.println("Error: " + command.getCommandName() + " failed unexpectedly (" + e
                    + "); the log above has the details.");
        }
        err.flush();
        return ServerCli.FAILED;
    }

    /** A short answer instead of picocli's full usage text, which hides the one line that matters. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' to see the options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static Optional<String> userMessage(Throwable e) {
        return switch (e) {
            case CliException cli -> Optional.of(cli.getMessage());
            case BackupException backup -> Optional.of(backup.getMessage());
            case ApiException api -> Optional.of(api.getMessage());
            case DomainException domain -> Optional.of(domain.getMessage());
            case Db.DatabaseException database -> Optional.of(database.getMessage() + ": " + rootMessage(database));
            case SQLException sql -> Optional.of("The database refused: " + sql.getMessage());
            case Database.NewerSchemaException newer -> Optional.of(newer.getMessage());
            case FlywayException flyway -> Optional.of("The schema could not be migrated: " + flyway.getMessage());
            case UncheckedIOException io -> Optional.of(io.getMessage() + ": " + rootMessage(io));
            default -> Optional.empty();
        };
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
