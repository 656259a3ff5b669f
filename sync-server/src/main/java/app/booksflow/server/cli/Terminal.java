package app.booksflow.server.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command reads and writes: the process's streams, environment and console, or a test's.
 *
 * @param console present only when a person types at a terminal; passwords are then read without echo
 */
public record Terminal(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env,
        Optional<Console> console) {

    public static Terminal system() {
        return new Terminal(System.in, new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true),
                new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true), System.getenv(),
                interactiveConsole());
    }

    /**
     * From JDK 22 on, System.console() is there even when standard input is a pipe, and
     * Console.isTerminal() tells the two apart; JDK 21 has no isTerminal() and returns null for a pipe.
     */
    static Optional<Console> interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? Optional.of(console) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.of(console);
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
