package app.booksflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real entry point in a JVM of its own: what a user's double-click or a launcher script does. */
class MainProcessTest {

    private static final Logger log = LoggerFactory.getLogger(MainProcessTest.class);
    private static final Pattern COLD_START = Pattern.compile("cold start to visible window: (\\d+) ms");

    @TempDir
    Path dir;

    @Test
    void unknownOptionPrintsUsageAndExitsWithTwo() throws Exception {
        Process process = java("--colour", "red").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("booksflow: unknown option --colour").contains("Usage: booksflow");
    }

    @Test
    void windowOpensHeadlessAndTheColdStartIsLogged() throws Exception {
        Process process = java("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "--data-dir", dir.resolve("data").toString(), "--config-dir", dir.resolve("config").toString())
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> coldStart = CompletableFuture.supplyAsync(() -> firstColdStartLine(process));
            String line = coldStart.get(90, TimeUnit.SECONDS);

            Matcher matcher = COLD_START.matcher(line);
            assertThat(matcher.find()).as(line).isTrue();
            long millis = Long.parseLong(matcher.group(1));
            log.info("Measured under Monocle (headless, software rendering): cold start to visible window {} ms", millis);
            assertThat(millis).isPositive();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The options before the class name go to the JVM, the rest to Main. */
    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("-D") ? command : appArgs).add(arg);
        }
        command.add(Main.class.getName());
        command.addAll(appArgs);
        return new ProcessBuilder(command);
    }

    private static String firstColdStartLine(Process process) {
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (COLD_START.matcher(line).find()) {
                    return line;
                }
                seen.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Lost the app's output", e);
        }
        throw new IllegalStateException("The app ended without logging its cold start; it said:\n" + String.join("\n", seen));
    }
}
