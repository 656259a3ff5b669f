package app.booksflow.server.blobs;

import app.booksflow.model.receipt.Sha256;
import app.booksflow.server.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files on disk, named by their content: {@code blobs/ab/cd/<sha256>}. An upload is written to
 * {@code blobs/tmp} while its hash is computed and only renamed into place once it has been verified,
 * so a reader never sees a half-written file and a failed upload leaves nothing but a temp file that
 * is deleted on the way out.
 */
final class BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private final Path root;
    private final Path incoming;

    /** An upload received into a temp file; closing it deletes the temp file unless it was published. */
    static final class Incoming implements AutoCloseable {
        final Sha256 sha256;
        final long size;
        final byte[] head;
        private final Path temp;

        private Incoming(Path temp, Sha256 sha256, long size, byte[] head) {
            this.temp = temp;
            this.sha256 = sha256;
            this.size = size;
            this.head = head;
        }

        @Override
        public void close() {
            deleteQuietly(temp);
        }
    }

    BlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("tmp");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob folder " + incoming, e);
        }
    }

    /**
     * Streams the content to a temp file, hashing as it goes and never holding more than a buffer in
     * memory; refuses with 413 as soon as it passes {@code maxBytes}.
     */
    Incoming receive(InputStream content, long maxBytes) {
        Path temp;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp file in " + incoming, e);
        }
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[BUFFER_BYTES];
            byte[] head = new byte[MediaSniffer.HEAD_BYTES];
            long size = 0;
            for (int n = readFrom(content, buffer); n >= 0; n = readFrom(content, buffer)) {
                if (n == 0) {
                    continue;
                }
                if (size < head.length) {
                    System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
                }
                size += n;
                if (size > maxBytes) {
                    throw ApiException.tooLarge("The file is larger than the limit of " + maxBytes + " bytes.");
                }
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            // On disk before the database says it is there: a crash must not leave a row for an empty file.
            out.force(true);
            return new Incoming(temp, Sha256.of(digest.digest()), size, Arrays.copyOf(head, (int) Math.min(size, head.length)));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write the upload to " + temp, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** A failure to read is the sender's connection, not our disk: it is answered as such. */
    private static int readFrom(InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            LOG.debug("An upload broke off", e);
            throw ApiException.unreadableBody(e, "UPLOAD_INCOMPLETE", "The upload broke off before the whole file arrived.");
        }
    }

    /**
     * Moves a verified upload to its content address. Replacing an existing file is harmless: only
     * verified content is ever moved there, so it is the same bytes. Safe to call again after it worked.
     */
    void publish(Incoming upload) {
        Path target = path(upload.sha256);
        Path folder = target.getParent();
        try {
            boolean newFolder = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            Files.move(upload.temp, target, StandardCopyOption.ATOMIC_MOVE);
            // The file's bytes were forced when it arrived; its new name is on disk once its folder is,
            // and a new folder's name once its parents are. All before the database's row commits.
            force(folder);
            if (newFolder) {
                force(folder.getParent());
                force(root);
            }
        } catch (NoSuchFileException e) {
            if (!Files.exists(target)) {
                throw new UncheckedIOException("The upload of " + upload.sha256 + " vanished before it was stored", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the blob " + upload.sha256, e);
        }
    }

    /** Forces a folder's entries to disk. Java cannot open a folder on Windows, whose NTFS journals renames. */
    private static void force(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    boolean exists(Sha256 sha256) {
        return Files.isRegularFile(path(sha256));
    }

    InputStream open(Sha256 sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("The database lists blob " + sha256 + " but its file cannot be read", e);
        }
    }

    Path path(Sha256 sha256) {
        String hex = sha256.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temp file {}; it is safe to delete by hand", temp, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
