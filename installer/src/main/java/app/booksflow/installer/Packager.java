package app.booksflow.installer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the desktop app's installers for the system the build runs on, with the JDK's own jlink and
 * jpackage: a runtime of only the modules the app needs, an app image (the installed folder: launcher,
 * runtime, the app's jar), and from it the system's installer: {@code .deb} on Linux, {@code .msi} on
 * Windows, {@code .dmg} on macOS. The arguments are plain lists made here, so a test reads what each
 * system gets without a build of that system.
 */
public final class Packager {

    /** The systems with an installer type of their own. */
    public enum Os {
        LINUX, WINDOWS, MAC;

        static Os named(String osName) {
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.startsWith("windows")) {
                return WINDOWS;
            }
            if (os.startsWith("mac")) {
                return MAC;
            }
            return LINUX;
        }

        String installerType() {
            return switch (this) {
                case LINUX -> "deb";
                case WINDOWS -> "msi";
                case MAC -> "dmg";
            };
        }
    }

    static final String NAME = "BooksFlow";
    static final String MAIN_CLASS = "app.booksflow.desktop.Main";
    static final String JAR = "booksflow-desktop.jar";
    static final String VENDOR = "BooksFlow";
    static final String DESCRIPTION = "Offline-first bookkeeping for accountants, with receipt OCR and sync";
    /** Keeps Windows upgrades replacing the installed version instead of installing beside it; never change it. */
    static final String WINDOWS_UPGRADE_UUID = "6f2b9c1e-4d3a-4e8b-9a57-2c1d0b7e5f31";

    /**
     * The JDK modules the app uses: those {@code jdeps --print-module-deps} finds in the app's jar, plus the
     * ones only reached by reflection or services (image I/O for OCR, logging, management for the pool and
     * start-up timing, XML for FXML and Hibernate, locale data for every locale's amounts and dates, the
     * extra charsets and EC crypto for TLS, the zip file system for backups).
     */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.instrument",
            "java.logging", "java.management", "java.naming", "java.net.http", "java.prefs", "java.rmi",
            "java.scripting", "java.security.jgss", "java.sql", "java.xml", "jdk.charsets", "jdk.crypto.ec", "jdk.jfr",
            "jdk.localedata", "jdk.management", "jdk.net", "jdk.unsupported", "jdk.unsupported.desktop", "jdk.zipfs");

    /**
     * The JVM options every launcher starts the app with: native access for JavaFX, Tesseract and H2 without
     * warnings, and the start-up tuning of ADR 0015 (the optimizing compiler held back while the first
     * window is drawn). {@code OMP_THREAD_LIMIT=1} cannot be among them: a launcher sets no environment, so
     * on Linux and macOS the app sets it in its own C environment before Tesseract loads (ADR 0031); on
     * Windows it is left to the environment.
     */
    static final List<String> JAVA_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-XX:Tier4InvocationThreshold=100000", "-XX:Tier4MinInvocationThreshold=60000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=1000000");

    private final Path desktopJar;
    private final Path target;
    private final String version;
    private final Os os;
    private final Map<String, String> environment;

    /**
     * @param desktopJar  the app's jar with every library ({@code desktop-app/target/booksflow-desktop.jar})
     * @param target      the folder everything is made in
     * @param version     the build's version ({@code 1.2.0} or {@code 1.2.0-SNAPSHOT})
     * @param environment where signing identities come from (absent: unsigned)
     */
    public Packager(Path desktopJar, Path target, String version, Os os, Map<String, String> environment) {
        this.desktopJar = desktopJar;
        this.target = target;
        this.version = packageVersion(version);
        if (os == Os.MAC && this.version.startsWith("0.")) {
            throw new IllegalArgumentException("macOS refuses app versions below 1.0 (" + version + "): build the"
                    + " installer with -Dinstaller.version=1.0.0 or later");
        }
        this.os = os;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The version as installers accept it: numbers only ({@code 1.2.0-SNAPSHOT} becomes {@code 1.2.0}); Windows
     * takes at most three parts, each below 256 for the first two.
     */
    static String packageVersion(String mavenVersion) {
        Matcher numbers = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?").matcher(mavenVersion);
        if (!numbers.find()) {
            throw new IllegalArgumentException("The version " + mavenVersion + " does not start with a number");
        }
        int major = Integer.parseInt(numbers.group(1));
        int minor = numbers.group(2) == null ? 0 : Integer.parseInt(numbers.group(2));
        int patch = numbers.group(3) == null ? 0 : Integer.parseInt(numbers.group(3));
        if (major > 255 || minor > 255 || patch > 65535) {
            throw new IllegalArgumentException("The version " + mavenVersion + " is too large for a Windows installer");
        }
        return major + "." + minor + "." + patch;
    }

    Path runtime() {
        return target.resolve("runtime");
    }

    Path appImageFolder() {
        return target.resolve("image");
    }

    /** The installed folder: {@code BooksFlow/} (Linux, Windows) or {@code BooksFlow.app} (macOS). */
    public Path appImage() {
        return appImageFolder().resolve(os == Os.MAC ? NAME + ".app" : NAME);
    }

    Path installers() {
        return target.resolve("installers");
    }

    List<String> jlinkArguments() {
        return List.of("--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=zip-6", "--output", runtime().toString());
    }

    List<String> appImageArguments(Path input, Path icons) {
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", NAME, "--app-version", version,
                "--vendor", VENDOR, "--description", DESCRIPTION, "--copyright", "Copyright BooksFlow",
                "--input", input.toString(), "--main-jar", JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime().toString(), "--dest", appImageFolder().toString(),
                "--icon", icons.resolve(switch (os) {
                    case LINUX -> "booksflow.png";
                    case WINDOWS -> "booksflow.ico";
                    case MAC -> "booksflow.icns";
                }).toString()));
        for (String option : JAVA_OPTIONS) {
            args.add("--java-options");
            args.add(option);
        }
        switch (os) {
            case WINDOWS -> {
                // A second launcher that keeps its console: for --smoke, --check-data and ocr from a terminal.
                args.add("--add-launcher");
                args.add("BooksFlowConsole=" + target.resolve("console-launcher.properties"));
            }
            case MAC -> args.addAll(List.of("--mac-package-identifier", "app.booksflow.desktop",
                    "--mac-package-name", NAME, "--mac-app-category", "public.app-category.finance"));
            case LINUX -> {
            }
        }
        args.addAll(macSigning());
        return args;
    }

    List<String> installerArguments() {
        List<String> args = new ArrayList<>(List.of("--type", os.installerType(), "--app-image", appImage().toString(),
                "--name", NAME, "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--dest", installers().toString()));
        switch (os) {
            case LINUX -> args.addAll(List.of("--linux-package-name", "booksflow",
                    "--linux-deb-maintainer", "support@booksflow.app", "--linux-menu-group", "Office",
                    "--linux-app-category", "office", "--linux-shortcut",
                    // JavaFX draws with GTK 3, which a desktop has and a server may not.
                    "--linux-package-deps", "libgtk-3-0"));
            case WINDOWS -> args.addAll(List.of("--win-per-user-install", "--win-menu", "--win-menu-group", NAME,
                    "--win-shortcut", "--win-shortcut-prompt", "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
            case MAC -> args.addAll(macSigning());
        }
        return args;
    }

    /**
     * jpackage signs on macOS when the build has a Developer ID: its name in {@code MACOS_SIGNING_IDENTITY}
     * (and the keychain it is in, when not the default, in {@code MACOS_KEYCHAIN}). Notarization follows in the
     * release workflow. Elsewhere, and without an identity, nothing is signed.
     */
    List<String> macSigning() {
        String identity = environment.getOrDefault("MACOS_SIGNING_IDENTITY", "");
        if (os != Os.MAC || identity.isBlank()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("--mac-sign", "--mac-signing-key-user-name", identity));
        String keychain = environment.getOrDefault("MACOS_KEYCHAIN", "");
        if (!keychain.isBlank()) {
            args.addAll(List.of("--mac-signing-keychain", keychain));
        }
        return args;
    }

    /** What the build made, with sizes in bytes. */
    public record Built(Path appImage, long appImageBytes, Optional<Path> installer, long installerBytes,
            Optional<String> installerSkipped) {
    }

    /** Makes the runtime, the app image and, when this system's packaging tools are present, the installer. */
    public Built build(PrintStream log) {
        if (!Files.isRegularFile(desktopJar)) {
            throw new IllegalStateException("The app's jar " + desktopJar + " is missing: build desktop-app first"
                    + " (./mvnw -pl installer -am package)");
        }
        try {
            deleteRecursively(target);
            Path input = Files.createDirectories(target.resolve("input"));
            Files.copy(desktopJar, input.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
            Icons.Written icons = Icons.writeAll(target.resolve("icons"));
            if (os == Os.WINDOWS) {
                Files.writeString(target.resolve("console-launcher.properties"), "win-console=true\n");
            }
            run("jlink", jlinkArguments(), Map.of(), log);
            run("jpackage", appImageArguments(input, icons.png().getParent()), Map.of(), log);
            long imageBytes = size(appImage());
            log.printf("App image %s: %.1f MB%n", appImage(), imageBytes / 1e6);

            Optional<String> missing = missingPackagingTools();
            if (missing.isPresent()) {
                log.println("No " + os.installerType() + " installer: " + missing.get());
                writeSkipped(missing.get());
                return new Built(appImage(), imageBytes, Optional.empty(), 0, missing);
            }
            run("jpackage", installerArguments(), installerEnvironment(), log);
            Path installer;
            try (Stream<Path> made = Files.list(installers())) {
                installer = made.filter(file -> file.getFileName().toString().endsWith("." + os.installerType()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("jpackage made no installer"));
            }
            long installerBytes = Files.size(installer);
            log.printf("Installer %s: %.1f MB%n", installer, installerBytes / 1e6);
            Properties sizes = new Properties();
            sizes.setProperty("appImage.bytes", Long.toString(imageBytes));
            sizes.setProperty("installer", installer.getFileName().toString());
            sizes.setProperty("installer.bytes", Long.toString(installerBytes));
            try (var out = Files.newBufferedWriter(installers().resolve("sizes.properties"))) {
                sizes.store(out, "Sizes of this build's desktop installer and app image");
            }
            return new Built(appImage(), imageBytes, Optional.of(installer), installerBytes, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records why no installer was made, for the tests that would check it. */
    void skipped(String reason) {
        try {
            deleteRecursively(target);
            writeSkipped(reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSkipped(String reason) throws IOException {
        Files.createDirectories(installers());
        Files.writeString(installers().resolve("skipped.txt"), reason + "\n");
    }

    /** Why this system's installer cannot be made here, if it cannot. */
    Optional<String> missingPackagingTools() {
        return switch (os) {
            case LINUX -> onPath("dpkg-deb").isPresent() && onPath("fakeroot").isPresent()
                    ? Optional.empty()
                    : Optional.of("dpkg-deb and fakeroot are needed (Debian, Ubuntu: apt-get install dpkg-dev fakeroot)");
            case WINDOWS -> onPath("wix.exe").or(() -> onPath("candle.exe")).isPresent()
                    ? Optional.empty()
                    : Optional.of("the WiX Toolset is needed on the PATH (https://wixtoolset.org)");
            case MAC -> Optional.empty();
        };
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * What the installer's packaging tool is told through its environment. dpkg-deb compresses with xz by
     * default: 80 s here for a package 3.5 % smaller than gzip makes it in 9 s, as the jars and the runtime
     * inside are compressed already (ADR 0039). gzip is also what every dpkg reads. dpkg before 1.21.10
     * ignores these and takes xz.
     */
    Map<String, String> installerEnvironment() {
        return os == Os.LINUX
                ? Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "6")
                : Map.of();
    }

    /**
     * Runs a JDK tool in this JVM, or, when its environment must differ from this process's (which Java cannot
     * change), as a process of this JDK's own launcher.
     */
    private static void run(String tool, List<String> args, Map<String, String> environment, PrintStream log) {
        long start = System.nanoTime();
        ToolOutcome outcome = environment.isEmpty() ? runInThisJvm(tool, args) : runAsProcess(tool, args, environment);
        if (outcome.exit() != 0) {
            throw new IllegalStateException(tool + " failed (" + outcome.exit() + "): " + outcome.said() + "\n" + tool
                    + " " + String.join(" ", args));
        }
        log.printf("%s done in %.1f s%s%n", tool, (System.nanoTime() - start) / 1e9,
                outcome.said().isEmpty() ? "" : ": " + outcome.said());
    }

    private record ToolOutcome(int exit, String said) {
    }

    private static ToolOutcome runInThisJvm(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> missingTool(tool));
        StringWriter output = new StringWriter();
        int exit;
        try (PrintWriter writer = new PrintWriter(output)) {
            exit = provider.run(writer, writer, args.toArray(String[]::new));
        }
        return new ToolOutcome(exit, output.toString().strip());
    }

    private static ToolOutcome runAsProcess(String tool, List<String> args, Map<String, String> environment) {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", tool);
        if (!Files.isExecutable(launcher) && !Files.isExecutable(Path.of(launcher + ".exe"))) {
            throw missingTool(tool);
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ToolOutcome(process.waitFor(), said.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(tool + " could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(tool + " was interrupted", e);
        }
    }

    private static IllegalStateException missingTool(String tool) {
        return new IllegalStateException("This JDK has no " + tool + ": build the installers with a full JDK 21 or newer");
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** {@code Packager DESKTOP_JAR TARGET_FOLDER VERSION}: builds for this system (run by the build, in its JVM). */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: Packager DESKTOP_JAR TARGET_FOLDER VERSION");
        }
        Packager packager = new Packager(Path.of(args[0]), Path.of(args[1]), args[2],
                Os.named(System.getProperty("os.name", "")), System.getenv());
        Optional<String> missing = Stream.of("jlink", "jpackage").filter(tool -> ToolProvider.findFirst(tool).isEmpty())
                .findFirst();
        if (missing.isPresent()) {
            // Some JDK packages (a distribution's headless one) leave the packaging tools out; the rest of the
            // build does not need them.
            String reason = "this JDK (" + System.getProperty("java.home") + ") has no " + missing.get()
                    + "; build with a full JDK 21 or newer, such as Eclipse Temurin";
            System.out.println("No desktop installer: " + reason);
            packager.skipped(reason);
            return;
        }
        packager.build(System.out);
    }
}
