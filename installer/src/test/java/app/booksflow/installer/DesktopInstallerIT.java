package app.booksflow.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .deb} this build made, installed into a throwaway root as dpkg lays it out, and the installed
 * app's {@code --smoke} run in a real X server (Xvfb): books opened, dashboard drawn, a receipt read by OCR.
 */
@EnabledOnOs(OS.LINUX)
class DesktopInstallerIT {

    private static final Path INSTALLERS = Path.of(System.getProperty("booksflow.installers", "target/jpackage"));

    @TempDir
    static Path root;

    private static Path deb;

    @BeforeAll
    static void installIntoAThrowawayRoot() throws Exception {
        assumeFalse(Boolean.getBoolean("booksflow.installer.skip"), "installers skipped (-Dinstaller.skip=true)");
        Path skipped = INSTALLERS.resolve("installers/skipped.txt");
        assumeFalse(Files.exists(skipped), () -> "no .deb was made: " + readQuietly(skipped));
        try (Stream<Path> made = Files.list(INSTALLERS.resolve("installers"))) {
            deb = made.filter(file -> file.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("the build made no .deb in " + INSTALLERS));
        }
        Result unpacked = run(List.of("dpkg-deb", "-x", deb.toString(), root.resolve("install").toString()), Map.of(), 5);
        assertThat(unpacked.exit()).as(unpacked.output()).isZero();
    }

    @Test
    void thePackageSaysWhatItIsAndWhatItNeeds() throws Exception {
        Result fields = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture", "Depends",
                "Maintainer"), Map.of(), 1);

        assertThat(fields.output()).contains("Package: booksflow").containsPattern("Version: \\d+\\.\\d+\\.\\d+")
                .contains("Architecture: amd64").contains("libgtk-3-0").contains("Maintainer: BooksFlow <support@booksflow.app>");
        assertThat(Files.size(deb)).as("the installer is not empty").isGreaterThan(50_000_000L);
    }

    @Test
    void thePackageIsCompressedWithGzipWhichEveryDpkgReads() throws IOException {
        assertThat(arMembers(deb)).as("members of " + deb).startsWith("debian-binary")
                .contains("control.tar.gz", "data.tar.gz");
    }

    @Test
    void theInstalledAppHasItsLauncherRuntimeMenuEntryAndJvmOptions() throws Exception {
        Path app = root.resolve("install/opt/booksflow");

        assertThat(app.resolve("bin/BooksFlow")).isExecutable();
        assertThat(app.resolve("lib/app/booksflow-desktop.jar")).isRegularFile();
        assertThat(app.resolve("lib/runtime/bin/java")).isExecutable();
        assertThat(app.resolve("lib/BooksFlow.png")).isRegularFile();
        assertThat(app.resolve("lib/booksflow-BooksFlow.desktop")).content().contains("Exec=/opt/booksflow/bin/BooksFlow")
                .contains("Categories=Office");
        String config = Files.readString(app.resolve("lib/app/BooksFlow.cfg"));
        for (String option : Packager.JAVA_OPTIONS) {
            assertThat(config).contains("java-options=" + option);
        }
        Result modules = run(List.of(app.resolve("lib/runtime/bin/java").toString(), "--list-modules"), Map.of(), 1);
        List<String> names = modules.output().lines().map(line -> line.replaceAll("@.*", "")).toList();
        assertThat(names).as("the runtime is the app's, not a whole JDK").containsAll(Packager.MODULES)
                .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jpackage");
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theInstalledAppPassesItsSmokeCheck() throws Exception {
        assumeTrue(onPath("xvfb-run"), "no xvfb-run on this machine (Debian: apt-get install xvfb)");
        Path home = Files.createDirectories(root.resolve("home"));
        Path launcher = root.resolve("install/opt/booksflow/bin/BooksFlow");

        Result version = run(List.of(launcher.toString(), "--version"), Map.of("HOME", home.toString()), 2);
        Result smoke = run(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", launcher.toString(), "--smoke"),
                Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve(".cache").toString()), 5);

        assertThat(version.output()).startsWith("BooksFlow ");
        assertThat(smoke.exit()).as(smoke.output()).isZero();
        assertThat(smoke.output()).contains("Books opened in").containsPattern("Dashboard of .+ drawn")
                .containsPattern("Sample receipt read: .*total \\d+\\.\\d\\d GBP").contains("Smoke check passed");
        assertThat(home.resolve(".cache/booksflow/javafx")).as("JavaFX's libraries in the app's cache").isDirectory();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, int minutes) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().remove("OMP_THREAD_LIMIT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(minutes, TimeUnit.MINUTES)).as(String.join(" ", command) + ": " + output).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** The member names of an ar archive, as a .deb is: an 8-byte magic, then 60-byte headers each followed by its data. */
    private static List<String> arMembers(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (SeekableByteChannel channel = Files.newByteChannel(archive)) {
            ByteBuffer magic = ByteBuffer.allocate(8);
            channel.read(magic);
            assertThat(new String(magic.array(), StandardCharsets.US_ASCII)).isEqualTo("!<arch>\n");
            long position = 8;
            ByteBuffer header = ByteBuffer.allocate(60);
            while (position < channel.size()) {
                header.clear();
                channel.position(position).read(header);
                String text = new String(header.array(), StandardCharsets.US_ASCII);
                names.add(text.substring(0, 16).strip().replaceAll("/$", ""));
                long size = Long.parseLong(text.substring(48, 58).strip());
                position += 60 + size + (size % 2);
            }
        }
        return names;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> !folder.isBlank() && Files.isExecutable(Path.of(folder, program)));
    }
}
