package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create-user and reset-password on a real database, checked by signing in to a real server on it. */
class AccountCommandsTest {

    private static final Pattern USER_ID = Pattern.compile("User id: +([0-9a-f-]{36})");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("Organization id: +([0-9a-f-]{36})");

    private static TestServer server;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theFirstAdminOfANewPracticeSignsInWithThePipedPassword() {
        Cli.Result created = Cli.piped("first admin password\n", on("create-user", "--email", "Ada@First.example",
                "--name", "Ada First", "--role", "admin", "--organization-name", "First Practice"));

        assertThat(created.exitCode()).as(created.err()).isZero();
        ApiClient.Response session = signIn("ada@first.example", "first admin password");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().at("/user/id").asText()).isEqualTo(group(USER_ID, created.out()));
        assertThat(session.json().at("/user/organization").asText()).isEqualTo(group(ORGANIZATION_ID, created.out()));
        assertThat(session.json().at("/user/role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aUserJoinsAnExistingPracticeById() {
        Cli.Result admin = Cli.piped("admin password 42\n", on("create-user", "--email", "admin@join.example",
                "--name", "Ann Admin", "--role", "ADMIN", "--organization-name", "Join Practice"));
        String practice = group(ORGANIZATION_ID, admin.out());

        Cli.Result accountant = Cli.piped("accountant pass 7\n", on("create-user", "--email", "carl@join.example",
                "--name", "Carl Count", "--role", "ACCOUNTANT", "--organization", practice));

        assertThat(accountant.exitCode()).as(accountant.err()).isZero();
        assertThat(group(ORGANIZATION_ID, accountant.out())).isEqualTo(practice);
        assertThat(signIn("carl@join.example", "accountant pass 7").json().at("/user/organization").asText())
                .isEqualTo(practice);
    }

    @Test
    void resetPasswordLetsOnlyTheNewPasswordSignIn() {
        Cli.piped("old password 123\n", on("create-user", "--email", "reset@pw.example", "--name", "Rita Reset",
                "--role", "ADMIN", "--organization-name", "Reset Practice"));
        assertThat(signIn("reset@pw.example", "old password 123").status()).isEqualTo(200);

        Cli.Result reset = Cli.piped("new password 456\n", on("reset-password", "--email", "reset@pw.example"));

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("Set a new password for reset@pw.example");
        assertThat(signIn("reset@pw.example", "new password 456").status()).isEqualTo(200);
        assertThat(signIn("reset@pw.example", "old password 123").status()).isEqualTo(401);
    }

    @Test
    void aTooShortPasswordIsRefusedAndLeavesNoPracticeBehind() throws SQLException {
        long practicesBefore = count("select count(*) from organizations");

        Cli.Result refused = Cli.piped("short\n", on("create-user", "--email", "short@pw.example", "--name", "Sho Rt",
                "--role", "ADMIN", "--organization-name", "Never Made"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: A password needs at least 10 characters; nothing was changed."
                + System.lineSeparator());
        assertThat(count("select count(*) from organizations")).isEqualTo(practicesBefore);
    }

    @Test
    void noPasswordOnStandardInputIsAClearError() {
        Cli.Result refused = Cli.piped("", on("create-user", "--email", "nopw@pw.example", "--name", "No Password",
                "--role", "ADMIN", "--organization-name", "No Password Practice"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: No password given").doesNotContain("Exception");
    }

    @Test
    void resettingThePasswordOfAnUnknownEmailFailsInOneLine() {
        Cli.Result refused = Cli.piped("whatever password\n", on("reset-password", "--email", "nobody@pw.example"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: No user has the email address nobody@pw.example."
                + System.lineSeparator());
    }

    @Test
    void anEmailThatIsTakenIsRefusedBeforeThePasswordIsAskedFor() {
        Cli.piped("taken password 1\n", on("create-user", "--email", "taken@pw.example", "--name", "Tak En",
                "--role", "ADMIN", "--organization-name", "Taken Practice"));

        Cli.Result again = Cli.piped("", on("create-user", "--email", "taken@pw.example", "--name", "Tak En",
                "--role", "ADMIN", "--organization-name", "Taken Practice"));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists already", "reset-password");
    }

    private String[] on(String... args) {
        return Cli.on(server.dataSource.getJdbcUrl(), dataDir, args);
    }

    private static ApiClient.Response signIn(String email, String password) {
        return server.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = server.dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
