package app.booksflow.desktop.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the test class path running one of the test helper mains, with its standard
 * output collected line by line as it arrives. Used to prove what another process sees: locks,
 * and what survives when a writer is killed.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name("child-jvm-stdout").start(this::readLines);
    }

    public static ChildJvm start(Class<?> main, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(Redirect.to(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getSimpleName(), e);
        }
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The child was killed mid-line: what was read so far is what it said.
        }
    }

    /** Every complete line the child has written so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child the hard way (no shutdown hooks, no finally blocks) and waits until all its output is read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
