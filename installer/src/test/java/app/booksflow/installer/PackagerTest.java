package app.booksflow.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.installer.Packager.Os;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What jpackage is told on each system, read without a build of that system. */
class PackagerTest {

    private static final Path JAR = Path.of("/build/booksflow-desktop.jar");
    private static final Path TARGET = Path.of("/build/jpackage");

    @Test
    void versionsAreNumbersOnly() {
        assertThat(Packager.packageVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(Packager.packageVersion("2.3")).isEqualTo("2.3.0");
        assertThat(Packager.packageVersion("7")).isEqualTo("7.0.0");
        assertThat(Packager.packageVersion("1.2.3.4-rc1")).isEqualTo("1.2.3");
        assertThatThrownBy(() -> Packager.packageVersion("SNAPSHOT")).hasMessageContaining("does not start with a number");
        assertThatThrownBy(() -> Packager.packageVersion("256.0.0")).hasMessageContaining("too large");
    }

    @Test
    void everyLauncherGetsTheJvmOptionsAndTheRuntimeOfTheListedModules() {
        for (Os os : Os.values()) {
            Packager packager = new Packager(JAR, TARGET, "1.4.0", os, Map.of());
            List<String> image = packager.appImageArguments(TARGET.resolve("input"), TARGET.resolve("icons"));

            assertThat(pairs(image, "--java-options")).containsExactlyElementsOf(Packager.JAVA_OPTIONS);
            assertThat(image).containsSequence("--runtime-image", TARGET.resolve("runtime").toString())
                    .containsSequence("--main-class", "app.booksflow.desktop.Main")
                    .containsSequence("--app-version", "1.4.0");
        }
        List<String> jlink = new Packager(JAR, TARGET, "1.4.0", Os.LINUX, Map.of()).jlinkArguments();
        assertThat(jlink.get(jlink.indexOf("--add-modules") + 1).split(","))
                .contains("java.desktop", "java.sql", "jdk.localedata", "java.management", "java.naming");
    }

    @Test
    void eachSystemGetsItsOwnIconAndInstaller() {
        assertThat(icon(Os.LINUX)).endsWith("booksflow.png");
        assertThat(icon(Os.WINDOWS)).endsWith("booksflow.ico");
        assertThat(icon(Os.MAC)).endsWith("booksflow.icns");

        assertThat(new Packager(JAR, TARGET, "1.0", Os.LINUX, Map.of()).installerArguments())
                .containsSequence("--type", "deb").containsSequence("--linux-package-deps", "libgtk-3-0")
                .containsSequence("--linux-package-name", "booksflow").contains("--linux-shortcut");
        assertThat(new Packager(JAR, TARGET, "1.0", Os.WINDOWS, Map.of()).installerArguments())
                .containsSequence("--type", "msi").contains("--win-per-user-install", "--win-menu", "--win-shortcut")
                .containsSequence("--win-upgrade-uuid", Packager.WINDOWS_UPGRADE_UUID);
        assertThat(new Packager(JAR, TARGET, "1.0", Os.MAC, Map.of()).installerArguments())
                .containsSequence("--type", "dmg");
    }

    @Test
    void windowsGetsAConsoleLauncherForTheCommandLine() {
        List<String> image = new Packager(JAR, TARGET, "1.0", Os.WINDOWS, Map.of())
                .appImageArguments(TARGET.resolve("input"), TARGET.resolve("icons"));

        assertThat(pairs(image, "--add-launcher"))
                .containsExactly("BooksFlowConsole=" + TARGET.resolve("console-launcher.properties"));
        assertThat(new Packager(JAR, TARGET, "1.0", Os.LINUX, Map.of())
                .appImageArguments(TARGET.resolve("input"), TARGET.resolve("icons"))).doesNotContain("--add-launcher");
    }

    @Test
    void macSignsOnlyWithAnIdentity() {
        Map<String, String> identity = Map.of("MACOS_SIGNING_IDENTITY", "Developer ID Application: BooksFlow (TEAM123456)",
                "MACOS_KEYCHAIN", "/tmp/build.keychain");

        assertThat(new Packager(JAR, TARGET, "1.0", Os.MAC, Map.of()).installerArguments()).doesNotContain("--mac-sign");
        assertThat(new Packager(JAR, TARGET, "1.0", Os.MAC, identity).installerArguments()).contains("--mac-sign")
                .containsSequence("--mac-signing-key-user-name", "Developer ID Application: BooksFlow (TEAM123456)")
                .containsSequence("--mac-signing-keychain", "/tmp/build.keychain");
        assertThat(new Packager(JAR, TARGET, "1.0", Os.MAC, identity)
                .appImageArguments(TARGET.resolve("input"), TARGET.resolve("icons"))).contains("--mac-sign");
        assertThat(new Packager(JAR, TARGET, "1.0", Os.LINUX, identity).installerArguments()).doesNotContain("--mac-sign");
        assertThat(new Packager(JAR, TARGET, "1.0", Os.MAC, Map.of("MACOS_SIGNING_IDENTITY", " ")).macSigning()).isEmpty();
    }

    @Test
    void macRefusesVersionsBelowOne() {
        assertThatThrownBy(() -> new Packager(JAR, TARGET, "0.1.0-SNAPSHOT", Os.MAC, Map.of()))
                .hasMessageContaining("-Dinstaller.version=1.0.0");
        assertThat(new Packager(JAR, TARGET, "0.1.0-SNAPSHOT", Os.LINUX, Map.of()).installerArguments())
                .containsSequence("--app-version", "0.1.0");
    }

    @Test
    void systemsAreKnownByTheirJavaNames() {
        assertThat(Os.named("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.named("Windows 11")).isEqualTo(Os.WINDOWS);
        assertThat(Os.named("Mac OS X")).isEqualTo(Os.MAC);
    }

    @Test
    void aMissingJarIsSaidPlainly() {
        Packager packager = new Packager(Path.of("/nowhere/booksflow-desktop.jar"), TARGET, "1.0", Os.LINUX, Map.of());

        assertThatThrownBy(() -> packager.build(System.out))
                .hasMessage("The app's jar /nowhere/booksflow-desktop.jar is missing: build desktop-app first"
                        + " (./mvnw -pl installer -am package)");
    }

    @Test
    void aSkippedInstallerLeavesItsReasonForTheChecks(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path target = dir.resolve("jpackage");
        java.nio.file.Files.createDirectories(target.resolve("image/BooksFlow"));

        new Packager(JAR, target, "1.0", Os.LINUX, Map.of()).skipped("this JDK has no jpackage");

        assertThat(target.resolve("image")).as("nothing of an earlier build is left to be checked").doesNotExist();
        assertThat(target.resolve("installers/skipped.txt")).hasContent("this JDK has no jpackage");
    }

    private static String icon(Os os) {
        List<String> image = new Packager(JAR, TARGET, "1.0", os, Map.of())
                .appImageArguments(TARGET.resolve("input"), TARGET.resolve("icons"));
        return image.get(image.indexOf("--icon") + 1);
    }

    /** The values given after each occurrence of an option. */
    private static List<String> pairs(List<String> args, String option) {
        return java.util.stream.IntStream.range(0, args.size() - 1).filter(i -> args.get(i).equals(option))
                .mapToObj(i -> args.get(i + 1)).toList();
    }
}
