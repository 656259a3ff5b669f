package app.booksflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged target/booksflow-desktop.jar, run as a user would run it: {@code java -jar} in a child
 * process with nothing else on the class path. Runs with maven-failsafe after the package phase.
 */
class DesktopJarIT {

    private static final Path JAR = Path.of(System.getProperty("booksflow.desktop.jar", "target/booksflow-desktop.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path work;

    @Test
    void theJarShowsItsUsage() throws Exception {
        Run help = jar("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: booksflow", "--data-dir", "--check-data");
    }

    @Test
    void theJarKnowsItsVersion() throws Exception {
        Run version = jar("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("BooksFlow ").doesNotContain("development build");
    }

    @Test
    void aNewDataFolderIsCreatedAndMigratedFromInsideTheJar() throws Exception {
        Run check = jar("--check-data", "--data-dir", work.resolve("new").toString(),
                "--config-dir", work.resolve("config").toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        // Version 3 is a Java migration: reaching the latest version past it means Flyway found a class in the
        // merged jar, not only SQL files. The clients are counted through Hibernate's entities, validated
        // against the migrated schema.
        assertThat(check.output()).contains("Database schema version: 6", "clients: 0", "transactions: 0",
                "audit events: 0");
    }

    @Test
    void aFolderThatCannotHoldBooksIsReportedWithExitCodeOne() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("file.txt"), "not a data folder");

        Run check = jar("--check-data", "--data-dir", notAFolder.toString(), "--config-dir", work.resolve("config").toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).contains("could not be opened");
    }

    private record Run(int exitCode, String output) {
    }

    private Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "jar", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the jar finished").isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
