package app.booksflow.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.server.support.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged target/booksflow-server.jar, run as an admin would run it: {@code java -jar} in a child
 * process. Runs with maven-failsafe after the package phase, when the jar exists.
 */
class ServerJarIT {

    private static final Path JAR = Path.of(System.getProperty("booksflow.server.jar", "target/booksflow-server.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path work;

    @Test
    void theJarListsItsCommands() throws Exception {
        Process help = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(output).contains("serve", "migrate", "create-user", "reset-password", "verify-audit", "backup", "restore");
    }

    @Test
    void theJarServesFromItsEmbeddedDatabaseAndARestartKeepsTheData() throws Exception {
        Path dataDir = work.resolve("data");
        Process first = serve(dataDir, work.resolve("first.log"));
        try {
            ApiClient api = awaitReady(first, work.resolve("first.log"));
            Process created = jar(List.of("create-user", "--data-dir", dataDir.toString(), "--email", "ada@jar.example",
                    "--name", "Ada Jar", "--role", "ADMIN", "--organization-name", "Jar Practice"), work.resolve("create.log"));
            try (OutputStream stdin = created.getOutputStream()) {
                stdin.write("jar password 1\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(created.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(created.exitValue()).as(Files.readString(work.resolve("create.log"))).isZero();
            assertThat(signIn(api).status()).isEqualTo(200);
        } finally {
            stop(first);
        }
        // Ctrl-C (SIGTERM) stops PostgreSQL too: it removes its pid file only after a clean shutdown.
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        Process second = serve(dataDir, work.resolve("second.log"));
        try {
            assertThat(signIn(awaitReady(second, work.resolve("second.log"))).status()).isEqualTo(200);
        } finally {
            stop(second);
        }
    }

    private Process serve(Path dataDir, Path log) throws IOException {
        return jar(List.of("serve", "--port", "0", "--data-dir", dataDir.toString()), log);
    }

    private static Process jar(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("BOOKSFLOW_HOST", "127.0.0.1", "BOOKSFLOW_PASSWORD_HASH_MEMORY_KIB", "1024"));
        return builder.start();
    }

    private static ApiClient awaitReady(Process server, Path log) {
        await().atMost(Duration.ofSeconds(90)).until(() -> LISTENING.matcher(Files.readString(log)).find() || !server.isAlive());
        Matcher listening = LISTENING.matcher(readQuietly(log));
        assertThat(listening.find()).as("serve did not start:%n%s", readQuietly(log)).isTrue();
        ApiClient api = new ApiClient("http://127.0.0.1:" + listening.group(1), null);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> api.get("/ready").status() == 200);
        return api;
    }

    private static ApiClient.Response signIn(ApiClient api) {
        return api.post("/api/v1/auth/login", Map.of("email", "ada@jar.example", "password", "jar password 1"));
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // 143 is the JVM's answer to SIGTERM after its shutdown hooks ran.
        assertThat(server.exitValue()).isIn(0, 143);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
