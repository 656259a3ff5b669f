package app.booksflow.server.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A command line of this program that a person can paste into a POSIX shell. */
final class ShellCommand {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@+,%-]+");

    private ShellCommand() {
    }

    static String of(List<String> arguments) {
        return Stream.concat(Stream.of(launcher()), arguments.stream().map(ShellCommand::quote))
                .collect(Collectors.joining(" "));
    }

    /** {@code java -jar /path/booksflow-server.jar} when run from the jar, else the program's name. */
    static String launcher() {
        try {
            Path location = Path.of(ServerCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location) && location.getFileName().toString().endsWith(".jar")) {
                return "java -jar " + quote(location.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (an unusual class loader): the program's name still tells what to run.
        }
        return "booksflow-server";
    }

    static String quote(String argument) {
        return PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }
}
