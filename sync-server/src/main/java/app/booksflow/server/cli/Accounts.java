package app.booksflow.server.cli;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.LoginThrottle;
import app.booksflow.server.accounts.PasswordHasher;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.db.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The account service as the server builds it, for the commands that manage users without a server. */
final class Accounts {

    private Accounts() {
    }

    static AccountService service(ServerConfig config, DataSource dataSource) {
        Clock clock = Clock.systemUTC();
        // Sign-ins do not happen here; the throttle is only there because the service needs one.
        return new AccountService(new Db(dataSource, config.slowQuery()), BooksFlowJson.newMapper(), clock,
                new PasswordHasher(config.passwordHashMemoryKib(), config.passwordHashConcurrency()), new LoginThrottle(clock, Duration.ofMinutes(15), 5, 50),
                new AuditTrail(), config.tokenLifetime());
    }

    /** The name of a practice, if there is one with the id. */
    static Optional<String> practiceName(Connection connection, UUID organization) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select name from organizations where id = ?")) {
            select.setObject(1, organization);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
