package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrNativesTest {

    @TempDir
    Path cache;

    @Test
    void unpacksTheLibrariesWithThePlainNamesTess4jLooksFor() {
        OcrNatives.Installation installed = OcrNatives.unpack(cache, "linux-x86_64");

        Path libraries = installed.libraryFolder();
        assertThat(libraries.getFileName().toString())
                .isEqualTo("tesseract-5.5.1-1.5.12_leptonica-1.85.0-1.5.12_linux-x86_64");
        assertThat(libraries.resolve("libtesseract.so.5.5")).isRegularFile();
        assertThat(libraries.resolve("libleptonica.so.6")).isRegularFile();
        assertThat(libraries.resolve("libgomp.so.1")).isRegularFile();
        assertThat(libraries.resolve("libtesseract.so")).exists();
        assertThat(libraries.resolve("libleptonica.so")).exists();
        assertThat(libraries.resolve("libjnitesseract.so")).doesNotExist();
        assertThat(installed.tessdata().resolve("eng.traineddata")).isRegularFile();
    }

    @Test
    void aSecondRunKeepsTheFilesAlreadyThere() throws Exception {
        Path library = OcrNatives.unpack(cache, "linux-x86_64").libraryFolder().resolve("libtesseract.so.5.5");
        FileTime first = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(library, first);

        OcrNatives.unpack(cache, "linux-x86_64");

        assertThat(Files.getLastModifiedTime(library)).isEqualTo(first);
    }

    @Test
    void twoProcessesUnpackingAtOnceBothSucceed() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            List<Future<OcrNatives.Installation>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(racers.submit(() -> OcrNatives.unpack(cache, "linux-x86_64")));
            }
            for (Future<OcrNatives.Installation> run : runs) {
                assertThat(run.get().libraryFolder().resolve("libtesseract.so")).exists();
            }
        } finally {
            racers.shutdown();
        }
        try (var left = Files.list(cache.resolve("tesseract-5.5.1-1.5.12_leptonica-1.85.0-1.5.12_linux-x86_64"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void anUnsupportedPlatformGetsAClearMessage() {
        assertThatThrownBy(() -> OcrNatives.platform("Linux", "riscv64"))
                .isInstanceOf(OcrUnavailableException.class)
                .hasMessageContaining("OCR is not available on Linux (riscv64)")
                .hasMessageContaining("64-bit Windows, macOS (Intel and Apple silicon) and 64-bit Linux");
        assertThat(OcrNatives.platform("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(OcrNatives.platform("Windows 11", "amd64")).isEqualTo("windows-x86_64");
    }

    @Test
    void aPlatformWithoutLibrariesOnTheClassPathIsRefusedClearly() {
        assertThatThrownBy(() -> OcrNatives.unpack(cache, "macosx-arm64"))
                .isInstanceOf(OcrUnavailableException.class)
                .hasMessageContaining("no libraries");
    }

    @Test
    void plainNamesFollowEachPlatformsLookup() {
        assertThat(OcrNatives.plainName("libtesseract.so.5.5", "linux-x86_64")).contains("libtesseract.so");
        assertThat(OcrNatives.plainName("libgomp.so.1", "linux-x86_64")).isEmpty();
        assertThat(OcrNatives.plainName("libleptonica.6.dylib", "macosx-arm64")).contains("libleptonica.dylib");
        assertThat(OcrNatives.isLibrary("libjnitesseract.so")).isFalse();
        assertThat(OcrNatives.isLibrary("tesseract")).isFalse();
    }
}
