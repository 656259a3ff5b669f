package app.booksflow.desktop.ocr;

import app.booksflow.desktop.settings.AppDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Tesseract usable with nothing installed on the machine: the Tesseract and Leptonica libraries
 * travel in the platform jars on the class path; this unpacks them once per version into the OS's cache
 * folder, adds the plain names ({@code libtesseract.so}) that tess4j's library lookup asks for, points
 * {@code jna.library.path} there and unpacks the English language data (and the orientation data) beside them.
 *
 * <p>Safe to repeat and safe when two BooksFlow processes start at once: each file is written under a
 * temporary name and moved into place, and a file already present with the right size is kept.
 */
public final class OcrNatives {

    private static final Logger LOG = LoggerFactory.getLogger(OcrNatives.class);

    /** The unpacked libraries and the {@code tessdata} folder to give Tesseract. */
    public record Installation(Path libraryFolder, Path tessdata) {
    }

    /** Tesseract's orientation data, used to turn sideways and upside-down pages (ADR 0021); optional. */
    static final String ORIENTATION_DATA = "osd.traineddata";

    private static Installation installed;

    private OcrNatives() {
    }

    /**
     * Unpacks (first time) and returns the libraries for this machine; sets {@code jna.library.path}.
     *
     * @throws OcrUnavailableException when this platform has no libraries or they cannot be written
     */
    public static synchronized Installation prepare() {
        if (installed == null) {
            Installation unpacked = unpack(AppDirectories.cacheFolderForCurrentUser().resolve("ocr"),
                    platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")));
            // Both must happen before tess4j's library interface is first touched: JNA reads the path once,
            // and the OpenMP runtime that loads with Tesseract reads its limit once.
            OpenMpLimit.applyIfUnset(System.getProperty("os.name", ""));
            useLibraryFolder(unpacked.libraryFolder());
            installed = unpacked;
        }
        return installed;
    }

    /** Unpacks into a per-version folder under {@code cacheRoot}; leaves {@code jna.library.path} alone. */
    static Installation unpack(Path cacheRoot, String platform) {
        ClassLoader loader = OcrNatives.class.getClassLoader();
        String tesseractVersion = bytedecoVersion(loader, "tesseract");
        String leptonicaVersion = bytedecoVersion(loader, "leptonica");
        Path folder = cacheRoot.resolve("tesseract-" + tesseractVersion + "_leptonica-" + leptonicaVersion + "_" + platform);
        try {
            Files.createDirectories(folder);
            List<Path> libraries = new ArrayList<>();
            libraries.addAll(unpackLibraries(loader, "org/bytedeco/leptonica/" + platform + "/", folder));
            libraries.addAll(unpackLibraries(loader, "org/bytedeco/tesseract/" + platform + "/", folder));
            for (Path library : libraries) {
                plainName(library.getFileName().toString(), platform)
                        .ifPresent(alias -> link(folder.resolve(alias), library));
            }
            Path tessdata = folder.resolve("tessdata");
            Files.createDirectories(tessdata);
            try (InputStream in = loader.getResourceAsStream("tessdata/eng.traineddata")) {
                if (in == null) {
                    throw new OcrUnavailableException("The English language data for OCR is missing from this installation.");
                }
                writeOnce(in, tessdata.resolve("eng.traineddata"), -1);
            }
            try (InputStream in = loader.getResourceAsStream("tessdata/" + ORIENTATION_DATA)) {
                if (in != null) {
                    writeOnce(in, tessdata.resolve(ORIENTATION_DATA), -1);
                }
            }
            LOG.debug("OCR libraries for {} ready in {}", platform, folder);
            return new Installation(folder, tessdata);
        } catch (IOException | UncheckedIOException e) {
            throw new OcrUnavailableException("OCR cannot start: its libraries could not be unpacked into " + folder
                    + " (" + e.getMessage() + "). Check that this folder can be written to.", e);
        }
    }

    /** The bytedeco classifier for an OS and architecture as Java names them. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && x64) {
            return "linux-x86_64";
        }
        if (os.startsWith("mac") && x64) {
            return "macosx-x86_64";
        }
        if (os.startsWith("mac") && arm64) {
            return "macosx-arm64";
        }
        if (os.startsWith("windows") && x64) {
            return "windows-x86_64";
        }
        throw new OcrUnavailableException("OCR is not available on " + osName + " (" + osArch + "): BooksFlow reads "
                + "receipts on 64-bit Windows, macOS (Intel and Apple silicon) and 64-bit Linux.");
    }

    private static String bytedecoVersion(ClassLoader loader, String artifact) {
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.bytedeco/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new OcrUnavailableException("OCR is not available: this installation has no " + artifact
                        + " library for this computer.");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the shared libraries directly inside {@code prefix} (not the JNI glue, headers or tools). */
    private static List<Path> unpackLibraries(ClassLoader loader, String prefix, Path folder) throws IOException {
        URL url = loader.getResource(prefix);
        if (url == null) {
            throw new OcrUnavailableException("OCR is not available: this installation has no libraries in " + prefix
                    + " for this computer.");
        }
        List<Path> written = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(prefix) && isLibrary(name.substring(prefix.length()))) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            Path target = folder.resolve(name.substring(prefix.length()));
                            writeOnce(in, target, entry.getSize());
                            written.add(target);
                        }
                    }
                }
            }
        } else {
            Path source;
            try {
                source = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(f -> isLibrary(f.getFileName().toString())).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Path target = folder.resolve(file.getFileName().toString());
                        writeOnce(in, target, Files.size(file));
                        written.add(target);
                    }
                }
            }
        }
        return written;
    }

    static boolean isLibrary(String name) {
        if (name.contains("/") || name.startsWith("libjni") || name.startsWith("jni")) {
            return false;
        }
        return name.matches(".+\\.so(\\.\\d+)*") || name.endsWith(".dylib") || name.endsWith(".dll");
    }

    /**
     * The name the JNA lookup of tess4j / lept4j asks for, when the versioned file differs from it:
     * {@code libtesseract.so.5.5 -> libtesseract.so}, {@code libtesseract.5.dylib -> libtesseract.dylib}.
     * On Windows tess4j asks for {@code libtesseract551} / {@code libleptonica1850}.
     */
    static java.util.Optional<String> plainName(String fileName, String platform) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
        String alias;
        if (platform.startsWith("linux")) {
            alias = base + ".so";
        } else if (platform.startsWith("macosx")) {
            alias = base + ".dylib";
        } else if (base.matches("(lib)?tesseract\\d*")) {
            alias = "libtesseract551.dll";
        } else if (base.matches("(lib)?lept(onica)?[-\\d]*")) {
            alias = "libleptonica1850.dll";
        } else {
            return java.util.Optional.empty();
        }
        boolean wanted = base.equals("libtesseract") || base.equals("libleptonica") || platform.startsWith("windows");
        return wanted && !alias.equals(fileName) ? java.util.Optional.of(alias) : java.util.Optional.empty();
    }

    /** Writes {@code target} unless it is already there with the expected size; atomic, so a racing process sees old or new. */
    private static void writeOnce(InputStream in, Path target, long expectedSize) throws IOException {
        if (Files.isRegularFile(target) && (expectedSize < 0 ? Files.size(target) > 0 : Files.size(target) == expectedSize)) {
            return;
        }
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Windows will not replace a library another process has loaded; that copy is complete, keep it.
            if (!Files.isRegularFile(target)) {
                throw e;
            }
        }
    }

    /** A symbolic link (one copy of the library in memory), or a copy where links are not allowed. */
    private static void link(Path alias, Path library) {
        try {
            if (Files.exists(alias)) {
                return;
            }
            // A name of its own for each try, so that neither another process nor another thread of this one
            // can delete or move it in between.
            Path temp = alias.resolveSibling(alias.getFileName() + "." + UUID.randomUUID() + ".part");
            try {
                Files.createSymbolicLink(temp, library.getFileName());
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(library, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            moveIntoPlace(temp, alias);
            Files.deleteIfExists(temp);
        } catch (FileAlreadyExistsException e) {
            // Another process made it first.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void useLibraryFolder(Path folder) {
        String current = System.getProperty("jna.library.path");
        String path = folder.toAbsolutePath().toString();
        if (current == null || current.isBlank()) {
            System.setProperty("jna.library.path", path);
        } else if (!List.of(current.split(java.io.File.pathSeparator)).contains(path)) {
            System.setProperty("jna.library.path", path + java.io.File.pathSeparator + current);
        }
    }
}
