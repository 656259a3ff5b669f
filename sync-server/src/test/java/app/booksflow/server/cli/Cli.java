package app.booksflow.server.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the command line in the test's JVM as a script would: no terminal, standard input piped. */
final class Cli {

    /** Fast password hashes, and a server that listens on the loopback address only. */
    static final Map<String, String> ENV = Map.of("BOOKSFLOW_PASSWORD_HASH_MEMORY_KIB", "1024",
            "BOOKSFLOW_HOST", "127.0.0.1");

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** With the text as standard input, as in {@code printf 'secret\n' | booksflow-server ...}. */
    static Result piped(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ServerCli.run(terminal(stdin, out, err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return piped("", args);
    }

    static Terminal terminal(String stdin, StringWriter out, StringWriter err) {
        return new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), ENV, Optional.empty());
    }

    /** The arguments, then the options that select a test database (and a data directory of the test's). */
    static String[] on(String databaseUrl, java.nio.file.Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", databaseUrl, "--data-dir", dataDir.toString()));
        return all.toArray(String[]::new);
    }
}
