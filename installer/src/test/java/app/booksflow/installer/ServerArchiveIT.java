package app.booksflow.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The server archive as an admin uses it: unpacked, started by its script with its sample configuration. */
@DisabledOnOs(OS.WINDOWS)
class ServerArchiveIT {

    private static final Path ARCHIVE = Path.of(System.getProperty("booksflow.server.archive", "missing.tar.gz"));
    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    static Path work;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).as("the build made the server archive").isRegularFile();
        Result tar = run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", work.toString()), Map.of(), null);
        assertThat(tar.exit()).as(tar.output()).isZero();
        String folder = ARCHIVE.getFileName().toString().replace(".tar.gz", "");
        home = work.resolve(folder);
    }

    @Test
    void theArchiveHoldsTheServerItsScriptConfigurationUnitAndContainerFile() throws IOException {
        assertThat(home.resolve("lib/booksflow-server.jar")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/booksflow-server")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("conf/booksflow-server.properties")).content().contains("data.dir=/var/lib/booksflow-server");
        assertThat(home.resolve("systemd/booksflow-server.service")).content()
                .contains("ExecStart=/opt/booksflow-server/bin/booksflow-server serve").contains("User=booksflow");
        assertThat(home.resolve("Containerfile")).content().contains("HEALTHCHECK");
        assertThat(home.resolve("README.txt")).isRegularFile();
    }

    @Test
    void anOldJavaIsRefusedWithTheReason() throws Exception {
        Path fakeJdk = Files.createDirectories(work.resolve("old-jdk/bin"));
        Path java = Files.writeString(fakeJdk.resolve("java"), "#!/bin/sh\necho 'openjdk version \"17.0.9\" 2023-10-17' >&2\n");
        java.toFile().setExecutable(true);

        Result result = run(List.of(home.resolve("bin/booksflow-server").toString(), "--help"),
                Map.of("JAVA_HOME", work.resolve("old-jdk").toString()), null);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("Java 17").contains("needs Java 21 or newer");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theScriptServesMigratesAndStopsCleanly() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("serve.log");
        Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"),
                "BOOKSFLOW_HOST", "127.0.0.1", "BOOKSFLOW_PASSWORD_HASH_MEMORY_KIB", "1024");
        ProcessBuilder serve = new ProcessBuilder(home.resolve("bin/booksflow-server").toString(), "serve", "--port", "0",
                "--data-dir", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().putAll(environment);
        Process server = serve.start();
        try {
            String base = "http://127.0.0.1:" + awaitPort(server, log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> ready = awaitReady(http, base);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as(Files.readString(log)).isIn(0, 143);

        Result migrate = run(List.of(home.resolve("bin/booksflow-server").toString(), "migrate", "--data-dir", data.toString()),
                environment, null);
        assertThat(migrate.exit()).as(migrate.output()).isZero();
    }

    @Test
    void theScriptHandsTheConfigurationFileToTheServer() throws Exception {
        Path missing = work.resolve("etc/booksflow-server.properties");

        Result result = run(List.of(home.resolve("bin/booksflow-server").toString(), "migrate", "--data-dir",
                work.resolve("unused").toString()), Map.of("JAVA_HOME", System.getProperty("java.home"),
                "BOOKSFLOW_CONFIG", missing.toString()), null);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("There is no configuration file " + missing);
    }

    private static int awaitPort(Process server, Path log) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> LISTENING.matcher(Files.readString(log)).find() || !server.isAlive());
        Matcher listening = LISTENING.matcher(readQuietly(log));
        assertThat(listening.find()).as("serve ended early:%n%s", readQuietly(log)).isTrue();
        return Integer.parseInt(listening.group(1));
    }

    private static HttpResponse<String> awaitReady(HttpClient http, String base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ready")).timeout(Duration.ofSeconds(5)).build();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()), ready -> ready.statusCode() == 200);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, Path directory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
