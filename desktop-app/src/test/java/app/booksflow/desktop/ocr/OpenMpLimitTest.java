package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.SampleReceipt;
import com.sun.jna.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit on Tesseract's OpenMP threads holds in a JVM started without it in its environment, as an
 * installer's launcher starts the app; asked of the OpenMP runtime itself after a receipt was read.
 */
@EnabledOnOs(OS.LINUX)
class OpenMpLimitTest {

    @TempDir
    Path dir;

    @Test
    void aJvmStartedWithoutTheLimitReadsWithOneOpenMpThread() throws Exception {
        assertThat(probe(null)).isEqualTo("1");
    }

    @Test
    void aLimitGivenByWhoeverStartedTheAppIsKept() throws Exception {
        assertThat(probe("3")).isEqualTo("3");
    }

    /** Runs {@link Probe} in a JVM of its own with the variable set to {@code limit} or absent; returns its answer. */
    private String probe(String limit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir, Probe.class.getName(), dir.toString()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove(OpenMpLimit.VARIABLE);
        environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        if (limit != null) {
            environment.put(OpenMpLimit.VARIABLE, limit);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(line -> line.startsWith("omp_get_thread_limit=")).toList();
        assertThat(lines).as(output).hasSize(1);
        return lines.getFirst().substring("omp_get_thread_limit=".length());
    }

    /** Reads the sample receipt, then asks the OpenMP runtime Tesseract loaded what its thread limit is. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            OcrNatives.Installation installation = OcrNatives.prepare();
            Path folder = Files.createDirectories(Path.of(args[0]).resolve("receipt"));
            try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1))) {
                OcrOutcome outcome = engine.read(SampleReceipt.make().writeTo(folder));
                if (!(outcome instanceof OcrOutcome.Read)) {
                    throw new IllegalStateException("not read: " + outcome);
                }
            }
            // The same file Tesseract linked: dlopen hands back the runtime already loaded, with its settings.
            NativeLibrary openMp = NativeLibrary.getInstance(installation.libraryFolder().resolve("libgomp.so.1").toString());
            System.out.println("omp_get_thread_limit=" + openMp.getFunction("omp_get_thread_limit").invokeInt(new Object[0]));
        }
    }
}
