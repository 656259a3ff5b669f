package app.booksflow.server.backup;

import app.booksflow.server.backup.Manifest.BlobEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The receipt files of the data directory, under {@code blobs/} in the zip. They are stored by content
 * hash and never change, so copying them next to the database snapshot cannot make the two disagree:
 * at worst the backup holds a file whose row came later.
 */
final class BlobFiles {

    static final String PREFIX = "blobs/";
    /** Where BlobStore receives uploads (and Javalin caches multipart parts) before a file is a receipt file. */
    static final String INCOMING = "tmp";
    static final String PARTIAL = "partial";
    /** A file {@link #restore} is still writing. */
    private static final String RESTORING = ".restoring";

    private BlobFiles() {
    }

    static List<BlobEntry> write(Path blobDir, ZipOutputStream zip) throws IOException {
        if (!Files.isDirectory(blobDir)) {
            return List.of();
        }
        Path incoming = blobDir.resolve(INCOMING);
        Path partial = blobDir.resolve(PARTIAL);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobDir)) {
            // Uploads in flight, and the starts of those that broke off, come and go while the backup runs;
            // they are not receipt files yet.
            files = walk.filter(file -> !file.startsWith(incoming) && !file.startsWith(partial)
                            && !file.getFileName().toString().endsWith(RESTORING))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        List<BlobEntry> entries = new ArrayList<>();
        for (Path file : files) {
            String path = blobDir.relativize(file).toString().replace('\\', '/');
            zip.putNextEntry(new ZipEntry(PREFIX + path));
            MessageDigest digest = Sha256.digest();
            long size = Files.copy(file, new DigestOutputStream(new Unclosable(zip), digest));
            zip.closeEntry();
            entries.add(new BlobEntry(path, size, Sha256.hex(digest)));
        }
        return List.copyOf(entries);
    }

    /** Writes the files that are not there yet; returns how many it wrote. */
    static int restore(BackupArchive archive, List<BlobEntry> entries, Path blobDir) throws IOException {
        Path root = blobDir.toAbsolutePath().normalize();
        int written = 0;
        for (BlobEntry entry : entries) {
            Path target = root.resolve(entry.path()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new BackupException("The backup names a receipt file outside the blob folder: " + entry.path());
            }
            if (Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + RESTORING);
            try (InputStream in = archive.read(PREFIX + entry.path())) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            written++;
        }
        return written;
    }

    /** Lets a copy write into one zip entry without closing the whole zip. */
    static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
