package app.booksflow.desktop;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The desktop app's command line. Without a command it opens the window; commands that need no
 * window (such as a future {@code ocr FILE}) become further {@link Command} cases, parsed before
 * JavaFX is loaded at all.
 */
public final class Arguments {

    public static final String USAGE = """
            Usage: booksflow [--data-dir DIR] [--config-dir DIR] [--check-data | --smoke]
                   booksflow ocr [--json] [--workers N] [--locale TAG] PATH...

            Opens the BooksFlow desktop app.

              --data-dir DIR     keep this session's books in DIR instead of the data folder chosen in Settings
              --config-dir DIR   read and write settings in DIR instead of the usual place for this OS
              --check-data       open the data folder without a window, bring its database up to date,
                                 print what it holds and exit (0 when it opens, 1 when it does not)
              --smoke            check that this installation works and exit (0 when it does, 1 with the
                                 reason when not): open books (a new folder unless --data-dir is given) with
                                 the demo practice, show a client's dashboard, read a sample receipt by OCR
              --version          show the version and exit
              -h, --help         show this help and exit

            The ocr command reads receipts (JPEG, PNG, TIFF, PDF) in the files and folders given (folders with
            their subfolders) without a window and prints one line per file: its text length and time, or why
            it was refused. --json prints each line as a JSON object; --workers sets how many files are read
            at once (one per core but one by default).
            Vendor, date, total, tax and currency are read from each receipt with a confidence per field;
            --locale (for example en-US, en-GB, de-DE, ja-JP; the machine's by default) says whether
            01/02/2025 is 2 January or 1 February and which dollar $ is.
            """;

    private Arguments() {
    }

    /** What the command line asks for. */
    public sealed interface Command {
        record OpenWindow(LaunchOptions options) implements Command {
        }

        record ShowHelp() implements Command {
        }

        record ShowVersion() implements Command {
        }

        /** Open the books with no window, migrate them and report what they hold (for admins and support). */
        record CheckData(LaunchOptions options) implements Command {
        }

        /**
         * Check an installation end to end and exit: books opened and migrated, a dashboard drawn on the
         * screen, one receipt read by OCR (installers run it after installing).
         */
        record Smoke(LaunchOptions options) implements Command {
        }

        /** Read receipts with OCR and print one line per file (no window, no books opened). */
        record ReadReceipts(List<Path> paths, boolean json, OptionalInt workers, Optional<Locale> locale)
                implements Command {
            public ReadReceipts {
                paths = List.copyOf(paths);
            }

            /** With the machine's locale. */
            public ReadReceipts(List<Path> paths, boolean json, OptionalInt workers) {
                this(paths, json, workers, Optional.empty());
            }
        }

        /** A mistake on the command line, said in one line; the caller adds {@link #USAGE}. */
        record Invalid(String problem) implements Command {
        }
    }

    public static Command parse(List<String> args, Instant jvmStartedAt) {
        if (!args.isEmpty() && args.getFirst().equals("ocr")) {
            return parseOcr(args.subList(1, args.size()));
        }
        Optional<Path> dataDir = Optional.empty();
        Optional<Path> configDir = Optional.empty();
        boolean checkData = false;
        boolean smoke = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "-h", "--help" -> {
                    return new Command.ShowHelp();
                }
                case "--version" -> {
                    return new Command.ShowVersion();
                }
                case "--check-data" -> checkData = true;
                case "--smoke" -> smoke = true;
                case "--data-dir", "--config-dir" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                        value = args.get(++i);
                    } else {
                        return new Command.Invalid(name + " needs a folder, for example " + name + " ~/BooksFlow");
                    }
                    Optional<Path> folder = folder(value);
                    if (folder.isEmpty()) {
                        return new Command.Invalid(name + " needs a folder, not \"" + value + "\"");
                    }
                    if (name.equals("--data-dir")) {
                        dataDir = folder;
                    } else {
                        configDir = folder;
                    }
                }
                default -> {
                    return new Command.Invalid(arg.startsWith("-")
                            ? "unknown option " + arg
                            : "unknown command " + arg);
                }
            }
        }
        LaunchOptions options = new LaunchOptions(dataDir, configDir, jvmStartedAt);
        if (checkData && smoke) {
            return new Command.Invalid("--check-data and --smoke cannot be used together");
        }
        if (smoke) {
            return new Command.Smoke(options);
        }
        return checkData ? new Command.CheckData(options) : new Command.OpenWindow(options);
    }

    private static Command parseOcr(List<String> args) {
        List<Path> paths = new ArrayList<>();
        boolean json = false;
        OptionalInt workers = OptionalInt.empty();
        Optional<Locale> locale = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--locale" -> {
                    locale = locale(i + 1 < args.size() ? args.get(++i) : "");
                    if (locale.isEmpty()) {
                        return new Command.Invalid("--locale needs a language and country, for example --locale en-GB");
                    }
                }
                case "-h", "--help" -> {
                    return new Command.ShowHelp();
                }
                case "--json" -> json = true;
                case "--workers" -> {
                    String value = i + 1 < args.size() ? args.get(++i) : "";
                    try {
                        int count = Integer.parseInt(value);
                        if (count < 1 || count > 256) {
                            throw new NumberFormatException();
                        }
                        workers = OptionalInt.of(count);
                    } catch (NumberFormatException e) {
                        return new Command.Invalid("--workers needs a number from 1 to 256, for example --workers 2");
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return new Command.Invalid("unknown option " + arg + " for ocr");
                    }
                    Optional<Path> path = folder(arg);
                    if (path.isEmpty()) {
                        return new Command.Invalid("ocr needs files or folders, not \"" + arg + "\"");
                    }
                    paths.add(path.get());
                }
            }
        }
        if (paths.isEmpty()) {
            return new Command.Invalid("ocr needs at least one file or folder, for example: ocr --json ~/Receipts");
        }
        return new Command.ReadReceipts(paths, json, workers, locale);
    }

    private static Optional<Locale> locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
    }

    private static Optional<Path> folder(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
