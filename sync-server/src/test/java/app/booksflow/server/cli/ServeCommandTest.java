package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.TestDatabases;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with its default database, the embedded PostgreSQL in the data directory, run in a
 * thread of the test JVM. ServerJarIT does the same through the packaged jar in a child process.
 */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTheUsers() throws InterruptedException {
        Serving first = Serving.start(dataDir);
        ApiClient api = first.awaitReady();
        assertThat(first.output()).contains("create-user --data-dir " + dataDir, "--role ADMIN --organization-name")
                .doesNotContain("Warning:");
        // While the server runs, the admin command shares its embedded database rather than starting a second one.
        Cli.Result created = Cli.piped("restart password\n", "create-user", "--data-dir", dataDir.toString(),
                "--email", "ada@restart.example", "--name", "Ada", "--role", "ADMIN", "--organization-name", "Restart");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(signIn(api).status()).isEqualTo(200);
        assertThat(first.stop()).isZero();
        assertThat(first.output()).contains("Stopped.");

        Serving second = Serving.start(dataDir);
        try {
            assertThat(signIn(second.awaitReady()).status()).isEqualTo(200);
        } finally {
            second.stop();
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws InterruptedException {
        Serving first = Serving.start(dataDir);
        try {
            first.awaitReady();

            Cli.Result second = Cli.run("serve", "--port", "0", "--data-dir", dataDir.toString());

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).startsWith("Error: The embedded PostgreSQL in " + dataDir.resolve("postgres")
                    + " is already running");
        } finally {
            first.stop();
        }
    }

    @Test
    void aDatabaseThatAnswersCommitsBeforeTheyAreOnDiskIsWarnedOf() throws InterruptedException {
        String lazyCommits = TestDatabases.freshDatabaseUrl() + "&options=-c%20synchronous_commit%3Doff";
        Serving serving = Serving.start(Cli.on(lazyCommits, dataDir, "serve", "--port", "0"));
        try {
            serving.awaitReady();
            assertThat(serving.output()).contains("Warning:     PostgreSQL answers commits before they are on disk "
                    + "(synchronous_commit = off)", "Set synchronous_commit = on in postgresql.conf.");
        } finally {
            serving.stop();
        }
    }

    private static ApiClient.Response signIn(ApiClient api) {
        return api.post("/api/v1/auth/login", Map.of("email", "ada@restart.example", "password", "restart password"));
    }

    /** {@code serve} running in a thread; interrupting the thread stops it as Ctrl-C would. */
    private static final class Serving {

        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final Thread thread;
        private volatile int exitCode = -1;

        private Serving(String... args) {
            Terminal terminal = Cli.terminal("", out, err);
            thread = new Thread(() -> exitCode = ServerCli.run(terminal, args), "serve-under-test");
        }

        static Serving start(Path dataDir) {
            return start("serve", "--port", "0", "--data-dir", dataDir.toString());
        }

        static Serving start(String... args) {
            Serving serving = new Serving(args);
            serving.thread.start();
            return serving;
        }

        ApiClient awaitReady() {
            await().atMost(Duration.ofSeconds(60)).until(() -> LISTENING.matcher(out.toString()).find() || !thread.isAlive());
            Matcher listening = LISTENING.matcher(out.toString());
            assertThat(listening.find()).as("serve did not start: %s", err).isTrue();
            ApiClient api = new ApiClient("http://127.0.0.1:" + listening.group(1), null);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> api.get("/ready").status() == 200);
            return api;
        }

        String output() {
            return out.toString();
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(30));
            return exitCode;
        }
    }
}
