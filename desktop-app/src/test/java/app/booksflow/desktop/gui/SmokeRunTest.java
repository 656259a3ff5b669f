package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.Main;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.DemoBooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --smoke} as an installer runs it: the real entry point in a JVM of its own, headless under Monocle. */
class SmokeRunTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void passesOnANewMachineAndLeavesNothingBehind() throws Exception {
        Result result = smoke();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .containsPattern("Books opened in .*booksflow-smoke-.*books")
                .containsPattern("Practice ready: 5 clients")
                .containsPattern("Dashboard of .+ drawn: income .+, expenses .+, profit .+; 1280x800 pixels in \\d+ colours")
                .containsPattern("Sample receipt read: .*total \\d+\\.\\d\\d GBP")
                .contains("Smoke check passed");
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("the temporary books and receipt are removed").isEmpty();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void checksGivenBooksAndKeepsThem() throws Exception {
        Path books = dir.resolve("books");
        DemoBooks.copyTo(books);
        long transactionsBefore = transactions(books);

        Result result = smoke("--data-dir", books.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("Books opened in .*" + Pattern.quote(books.toString()))
                .contains("Practice ready: 5 clients").contains("Smoke check passed");
        assertThat(transactions(books)).as("the books are kept, the demo not loaded again over them")
                .isEqualTo(transactionsBefore).isEqualTo(20_000);
    }

    private static long transactions(Path books) {
        try (LocalStore store = LocalStore.openVerified(new DataDirectory(books))) {
            return store.readJdbc(connection -> {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("select count(*) from transactions")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void booksOpenElsewhereFailTheCheckWithTheStepAndTheReason() throws Exception {
        Path books = dir.resolve("books");
        try (LocalStore open = LocalStore.openVerified(new DataDirectory(books))) {
            Result result = smoke("--data-dir", books.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("booksflow: smoke check failed: opening the books in " + books)
                    .doesNotContain("Smoke check passed");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFileWhereTheBooksShouldBeFailsTheCheck() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("books.txt"), "not books");

        Result result = smoke("--data-dir", notAFolder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("booksflow: smoke check failed: opening the books in " + notAFolder);
        assertThat(Files.readString(notAFolder)).isEqualTo("not books");
    }

    private record Result(int exitCode, String output) {
    }

    private Result smoke(String... args) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.io.tmpdir=" + dir.resolve("tmp"), Main.class.getName(), "--smoke"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        return new Result(process.exitValue(), output);
    }
}
