package app.booksflow.desktop.receipts.imports;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files to import from what the user picked or dropped: files as they are, folders with everything
 * below them (in name order), leaving out hidden files and the system's own (Thumbs.db, desktop.ini), and
 * folders that cannot be read. Links are not followed.
 */
public final class FolderScan {

    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", "ehthumbs.db");

    private FolderScan() {
    }

    public static List<ImportQueue.NewFile> scan(List<Path> picked) {
        Map<Path, ImportQueue.NewFile> found = new LinkedHashMap<>();
        for (Path path : picked) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                List<ImportQueue.NewFile> inFolder = new ArrayList<>();
                try {
                    Files.walkFileTree(absolute, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(absolute) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !isHidden(file)) {
                                inFolder.add(new ImportQueue.NewFile(file, attrs.size(), modified(attrs)));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // an unreadable folder: the others are still imported
                        }
                    });
                } catch (IOException e) {
                    continue;
                }
                inFolder.sort((a, b) -> a.path().toString().compareToIgnoreCase(b.path().toString()));
                inFolder.forEach(file -> found.putIfAbsent(file.path(), file));
            } else if (Files.isRegularFile(absolute)) {
                found.putIfAbsent(absolute, describe(absolute));
            }
        }
        return List.copyOf(found.values());
    }

    /** The file's size and modification time now; zero and nothing when it cannot be read. */
    static ImportQueue.NewFile describe(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return new ImportQueue.NewFile(file, attrs.size(), modified(attrs));
        } catch (IOException e) {
            return new ImportQueue.NewFile(file, 0, null);
        }
    }

    /** In milliseconds, as the books keep it, so that a file's version compares equal after a restart. */
    private static Instant modified(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String text = name.toString();
        return text.startsWith(".") || SYSTEM_FILES.contains(text.toLowerCase(Locale.ROOT));
    }
}
