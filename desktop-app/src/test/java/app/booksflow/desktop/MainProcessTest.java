package app.booksflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real entry point in a JVM of its own: what a user's double-click or a launcher script does. */
class MainProcessTest {

    private static final Logger log = LoggerFactory.getLogger(MainProcessTest.class);
    private static final Pattern COLD_START = Pattern.compile("cold start to visible window: (\\d+) ms");
    private static final Pattern FIGURES = Pattern.compile("cold start to visible dashboard: (\\d+) ms");

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
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void windowOpensHeadlessAndTheColdStartIsLogged() throws Exception {
        // The first start loads the demo practice; the second is what a user sees every morning.
        long firstRun = timeToFigures();
        long secondRun = timeToFigures();
        log.info("Measured under Monocle (headless, software rendering): cold start to the practice's figures "
                + "{} ms with the demo load, {} ms on existing books", firstRun, secondRun);
        assertThat(secondRun).isPositive();
    }

    /**
     * Starts the app on the test's data folder and returns the logged time to the figures, after the
     * window's; then ends it as the system does at logout (SIGTERM), which must close the books cleanly.
     */
    private long timeToFigures() throws Exception {
        Process process = java("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "--data-dir", dir.resolve("data").toString(), "--config-dir", dir.resolve("config").toString())
                .redirectErrorStream(true).start();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<String>> found = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> readAll(process, seen, found, COLD_START, FIGURES));
        try {
            List<String> lines;
            try {
                lines = found.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("No figures within 120 s. The app said:\n" + String.join("\n", seen)
                        + "\nIts threads:\n" + threadDump(process), e);
            }
            long window = millis(COLD_START, lines.get(0));
            long figures = millis(FIGURES, lines.get(1));
            assertThat(window).isPositive().isLessThanOrEqualTo(figures);
            // SIGTERM through the handle: Process.destroy() would also close the pipe the app logs to.
            assertThat(process.toHandle().destroy()).isTrue();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the app ends when the system asks").isTrue();
            boolean readToTheEnd = reader.join(Duration.ofSeconds(10));
            assertThat(List.copyOf(seen)).as("what the app said as it ended (exit value %d, output read to its end: %s)",
                            process.exitValue(), readToTheEnd)
                    .anyMatch(line -> line.contains("Asked to quit by the system"))
                    .anyMatch(line -> line.contains("Closed the books in"));
            return figures;
        } finally {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static long millis(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        return Long.parseLong(matcher.group(1));
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

    /** What the app's threads are doing, from the JDK's jstack, for a start that hangs. */
    private static String threadDump(Process process) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstack.waitFor(20, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /**
     * Reads the app's output to its end into {@code seen}; {@code found} gets the first line matching each
     * pattern, in the order given, as soon as the last is seen.
     */
    private static void readAll(Process process, List<String> seen, CompletableFuture<List<String>> found,
            Pattern... patterns) {
        List<String> matched = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (matched.size() < patterns.length && patterns[matched.size()].matcher(line).find()) {
                    matched.add(line);
                    if (matched.size() == patterns.length) {
                        found.complete(List.copyOf(matched));
                    }
                }
                seen.add(line);
            }
            found.completeExceptionally(new IllegalStateException(
                    "The app ended without logging its cold start; it said:\n" + String.join("\n", seen)));
        } catch (IOException e) {
            found.completeExceptionally(new IllegalStateException("Lost the app's output", e));
        }
    }
}
