package app.booksflow.server.cli;

import app.booksflow.server.accounts.PasswordHasher;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: at a terminal without echo and twice, otherwise the first line of standard input
 * (scripts and tests pipe it). Never from an argument, which other users of the machine can list.
 */
final class PasswordInput {

    private static final int MAX_LENGTH = 1024;

    private PasswordInput() {
    }

    static char[] readNew(Terminal terminal, String email) {
        char[] password = terminal.console().map(console -> fromConsole(console, email))
                .orElseGet(() -> firstLine(terminal));
        if (password.length < PasswordHasher.MIN_PASSWORD_LENGTH) {
            Arrays.fill(password, '\0');
            throw new CliException("A password needs at least " + PasswordHasher.MIN_PASSWORD_LENGTH
                    + " characters; nothing was changed.");
        }
        return password;
    }

    private static char[] fromConsole(Console console, String email) {
        char[] first = console.readPassword("New password for %s: ", email);
        char[] second = first == null ? null : console.readPassword("Type it again: ");
        if (first == null || second == null) {
            throw new CliException("No password was typed; nothing was changed.");
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new CliException("The two passwords differ; nothing was changed.");
        }
        return first;
    }

    private static char[] firstLine(Terminal terminal) {
        // Into a char array rather than readLine()'s String, so that the password can be wiped after use.
        Reader reader = new InputStreamReader(terminal.in(), StandardCharsets.UTF_8);
        char[] buffer = new char[MAX_LENGTH];
        int length = 0;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == MAX_LENGTH) {
                    throw new CliException("The password is longer than " + MAX_LENGTH + " characters.");
                }
                buffer[length++] = (char) c;
            }
        } catch (IOException e) {
            throw new CliException("Cannot read the password from standard input: " + e.getMessage(), e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        if (length == 0) {
            throw new CliException("No password given: type it when asked, or pipe it on standard input "
                    + "(for example: printf '%s\\n' \"$PASSWORD\" | booksflow-server create-user ...).");
        }
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return password;
    }
}
