package app.booksflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.Arguments.Command;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Instant START = Instant.parse("2026-01-15T08:00:00Z");

    @Test
    void noArgumentsOpenTheWindowWithTheUsualFolders() {
        assertThat(Arguments.parse(List.of(), START))
                .isEqualTo(new Command.OpenWindow(LaunchOptions.defaults(START)));
    }

    @Test
    void dataDirIsTakenInBothSpellingsAndMadeAbsolute() {
        Command spaced = Arguments.parse(List.of("--data-dir", "books"), START);
        Command joined = Arguments.parse(List.of("--data-dir=books"), START);

        Path expected = Path.of("books").toAbsolutePath();
        assertThat(spaced).isEqualTo(joined);
        assertThat(((Command.OpenWindow) spaced).options().dataDir()).contains(expected);
    }

    @Test
    void configDirIsTaken() {
        Command command = Arguments.parse(List.of("--config-dir", "/tmp/cfg", "--data-dir", "/tmp/data"), START);

        LaunchOptions options = ((Command.OpenWindow) command).options();
        assertThat(options.configDir()).contains(Path.of("/tmp/cfg"));
        assertThat(options.dataDir()).contains(Path.of("/tmp/data"));
    }

    @Test
    void unknownOptionIsNamed() {
        assertThat(Arguments.parse(List.of("--colour", "red"), START))
                .isEqualTo(new Command.Invalid("unknown option --colour"));
    }

    @Test
    void unknownCommandIsNamed() {
        assertThat(Arguments.parse(List.of("reconcile"), START))
                .isEqualTo(new Command.Invalid("unknown command reconcile"));
    }

    @Test
    void dataDirWithoutAFolderIsAMistake() {
        assertThat(Arguments.parse(List.of("--data-dir"), START)).isInstanceOf(Command.Invalid.class);
        assertThat(Arguments.parse(List.of("--data-dir", "--config-dir", "x"), START)).isInstanceOf(Command.Invalid.class);
        assertThat(Arguments.parse(List.of("--data-dir="), START)).isInstanceOf(Command.Invalid.class);
    }

    @Test
    void helpIsShownWhenAsked() {
        assertThat(Arguments.parse(List.of("--data-dir", "x", "-h"), START)).isInstanceOf(Command.ShowHelp.class);
        assertThat(Arguments.parse(List.of("--help"), START)).isInstanceOf(Command.ShowHelp.class);
    }

    @Test
    void checkDataKeepsTheFoldersAndOpensNoWindow() {
        Command command = Arguments.parse(List.of("--check-data", "--data-dir", "/tmp/data"), START);

        assertThat(command).isEqualTo(new Command.CheckData(
                new LaunchOptions(java.util.Optional.of(Path.of("/tmp/data")), java.util.Optional.empty(), START)));
    }

    @Test
    void smokeKeepsTheDataFolderAndCannotBeMixedWithCheckData() {
        assertThat(Arguments.parse(List.of("--smoke", "--data-dir", "/tmp/data"), START)).isEqualTo(new Command.Smoke(
                new LaunchOptions(java.util.Optional.of(Path.of("/tmp/data")), java.util.Optional.empty(), START)));
        assertThat(Arguments.parse(List.of("--smoke"), START))
                .isEqualTo(new Command.Smoke(LaunchOptions.defaults(START)));
        assertThat(Arguments.parse(List.of("--smoke", "--check-data"), START))
                .isEqualTo(new Command.Invalid("--check-data and --smoke cannot be used together"));
    }

    @Test
    void versionIsShownWhenAsked() {
        assertThat(Arguments.parse(List.of("--data-dir", "/tmp/data", "--version"), START))
                .isEqualTo(new Command.ShowVersion());
    }

    @Test
    void ocrTakesFilesAndFoldersWithJsonAndWorkers() {
        assertThat(Arguments.parse(List.of("ocr", "--json", "--workers", "3", "a.jpg", "receipts"), START))
                .isEqualTo(new Command.ReadReceipts(List.of(Path.of("a.jpg").toAbsolutePath(),
                        Path.of("receipts").toAbsolutePath()), true, java.util.OptionalInt.of(3)));
    }

    @Test
    void ocrWithoutPathsOrWithABadWorkerCountIsAMistake() {
        assertThat(Arguments.parse(List.of("ocr", "--json"), START)).isInstanceOf(Command.Invalid.class);
        assertThat(Arguments.parse(List.of("ocr", "--workers", "0", "a.jpg"), START))
                .isEqualTo(new Command.Invalid("--workers needs a number from 1 to 256, for example --workers 2"));
    }

    @Test
    void ocrTakesTheLocaleThatOrdersDayAndMonth() {
        assertThat(Arguments.parse(List.of("ocr", "--locale", "en_US", "a.jpg"), START))
                .isEqualTo(new Command.ReadReceipts(List.of(Path.of("a.jpg").toAbsolutePath()), false,
                        java.util.OptionalInt.empty(), java.util.Optional.of(java.util.Locale.US)));
        assertThat(Arguments.parse(List.of("ocr", "--locale", "", "a.jpg"), START))
                .isEqualTo(new Command.Invalid("--locale needs a language and country, for example --locale en-GB"));
    }
}
