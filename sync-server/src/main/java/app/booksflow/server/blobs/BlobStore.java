package app.booksflow.server.blobs;

import app.booksflow.model.receipt.Sha256;
import app.booksflow.server.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files on disk, named by their content: {@code blobs/ab/cd/<sha256>}. An upload is written to
 * {@code blobs/tmp} while its hash is computed and only renamed into place once it has been verified,
 * so a reader never sees a half-written file and a failed upload leaves nothing but a temp file that
 * is deleted on the way out. An upload by hash that breaks off keeps what arrived in {@code blobs/partial},
 * under its sender and the hash, for a day, so that the sender can go on from there (ADR 0044).
 */
final class BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** How long the start of an upload that broke off is kept for its sender to go on with. */
    static final Duration PARTIAL_KEPT = Duration.ofHours(24);

    private final Path root;
    private final Path incoming;
    private final Path partials;
    /** The partial uploads being written to now: one request at a time goes on with each. */
    private final Set<Path> busy = ConcurrentHashMap.newKeySet();

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
        this.partials = root.resolve("partial");
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(partials);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob folders in " + root, e);
        }
        forgetStalePartials(Instant.now());
    }

    /**
     * Streams the content to a temp file, hashing as it goes and never holding more than a buffer in
     * memory; refuses with 413 as soon as it passes {@code maxBytes}.
     */
    Incoming receive(InputStream content, long maxBytes) {
        return receive(content, maxBytes, Optional.empty());
    }

    /**
     * As {@link #receive(InputStream, long)}; when the content breaks off, what arrived is kept as
     * {@code keepAs} (the sender's partial upload of the file) instead of being deleted.
     */
    Incoming receive(InputStream content, long maxBytes, Optional<Path> keepAs) {
        Path temp;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp file in " + incoming, e);
        }
        ApiException brokenOff = null;
        Tally tally = new Tally();
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                while (true) {
                    int n;
                    try {
                        n = readFrom(content, buffer);
                    } catch (ApiException e) {
                        brokenOff = e;
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    tally.add(buffer, n);
                    if (tally.size > maxBytes) {
                        throw ApiException.tooLarge("The file is larger than the limit of " + maxBytes + " bytes.");
                    }
                    write(out, buffer, n);
                }
                // On disk before the database says it is there: a crash must not leave a row for an empty file.
                out.force(true);
                if (brokenOff == null) {
                    return tally.incoming(temp);
                }
            }
            if (keepAs.isPresent() && tally.size > 0) {
                keepPartial(temp, keepAs.get());
            }
            throw brokenOff;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write the upload to " + temp, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Where the start of a user's upload of a file is kept when it broke off. */
    Path partial(UUID user, Sha256 sha256) {
        return partials.resolve(user + "-" + sha256.hex() + ".part");
    }

    /** How many bytes of the file the user's upload that broke off left here; 0 when none. */
    long received(UUID user, Sha256 sha256) {
        try {
            return Files.size(partial(user, sha256));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of a partial upload", e);
        }
    }

    /**
     * Goes on with the user's upload of a file from byte {@code offset} of {@code total}: the content is
     * appended to what was kept and forced to disk. Returns the whole file, to be verified like any upload,
     * once all {@code total} bytes are here; until then nothing (and what arrived is kept, also when the
     * content breaks off again). The content must be exactly {@code length} bytes.
     */
    Optional<Incoming> resume(UUID user, Sha256 sha256, long offset, long length, long total, InputStream content) {
        Path partial = partial(user, sha256);
        if (!busy.add(partial)) {
            drain(content, length);
            throw ApiException.conflict("UPLOAD_IN_PROGRESS", "Another request is sending this file now; "
                    + "wait for it, then ask how much of the file the server has.");
        }
        try {
            long held = received(user, sha256);
            if (held != offset) {
                drain(content, length);
                throw ApiException.conflict("UPLOAD_OFFSET_MISMATCH", "The server holds " + held + " bytes of this "
                        + "upload, not " + offset + "; send the file from byte " + held + ".");
            }
            long written = 0;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                while (true) {
                    int n;
                    try {
                        n = readFrom(content, buffer);
                    } catch (ApiException brokenOff) {
                        out.force(true);
                        throw brokenOff;
                    }
                    if (n < 0) {
                        break;
                    }
                    written += n;
                    if (written > length) {
                        out.truncate(offset);
                        throw ApiException.badRequest("RANGE_MISMATCH", "The body is longer than the "
                                + length + " bytes its Content-Range names; nothing of it was kept.");
                    }
                    write(out, buffer, n);
                }
                if (written != length) {
                    out.truncate(offset);
                    throw ApiException.badRequest("RANGE_MISMATCH", "The body holds " + written + " bytes but its "
                            + "Content-Range names " + length + "; nothing of it was kept.");
                }
                out.force(true);
            }
            if (offset + length < total) {
                return Optional.empty();
            }
            return Optional.of(whole(partial));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the upload to " + partial, e);
        } finally {
            if (offset == 0 && received(user, sha256) == 0) {
                deleteQuietly(partial); // a first piece of which nothing was kept leaves no empty file
            }
            busy.remove(partial);
        }
    }

    /** A partial upload now complete, hashed from its file; published or deleted like any incoming file. */
    private static Incoming whole(Path partial) throws IOException {
        Tally tally = new Tally();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(partial)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                tally.add(buffer, n);
            }
        }
        return tally.incoming(partial);
    }

    /** The hash, size and first bytes of a file, as its bytes go by. */
    private static final class Tally {
        private final MessageDigest digest = sha256();
        private final byte[] head = new byte[MediaSniffer.HEAD_BYTES];
        private long size;

        void add(byte[] buffer, int n) {
            if (size < head.length) {
                System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
            }
            size += n;
            digest.update(buffer, 0, n);
        }

        Incoming incoming(Path file) {
            return new Incoming(file, Sha256.of(digest.digest()), size, Arrays.copyOf(head, (int) Math.min(size, head.length)));
        }
    }

    /**
     * What a broken-off upload left becomes its sender's partial upload, unless one is being written to now
     * or the one kept already holds more (a sender that started again from byte 0 before asking).
     */
    private void keepPartial(Path temp, Path partial) {
        if (!busy.add(partial)) {
            return;
        }
        try {
            if (Files.exists(partial) && Files.size(partial) >= Files.size(temp)) {
                return;
            }
            Files.move(temp, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot keep the start of an upload that broke off as {}", partial, e);
        } finally {
            busy.remove(partial);
        }
        forgetStalePartials(Instant.now());
    }

    /** Deletes a partial upload, unless a request is writing to it now. */
    void dropPartial(Path partial) {
        if (busy.add(partial)) {
            try {
                deleteQuietly(partial);
            } finally {
                busy.remove(partial);
            }
        }
    }

    /** Partial uploads nobody went on with for {@link #PARTIAL_KEPT} are deleted. */
    void forgetStalePartials(Instant now) {
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(partials, "*.part")) {
            for (Path partial : kept) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(now.minus(PARTIAL_KEPT))
                        && !busy.contains(partial)) {
                    deleteQuietly(partial);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot look through the partial uploads in {}", partials, e);
        }
    }

    private static void write(FileChannel out, byte[] buffer, int n) throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    /** A failure to read is the sender's connection, not our disk: it is answered as such. */
    /**
     * Reads and drops a piece that is refused before it is read (at most its {@code length} bytes, already
     * checked against the limit), so that the refusal reaches a sender still sending it: answered with the
     * body unread, the server would close the connection under the sender, who would see no answer at all.
     */
    private static void drain(InputStream content, long length) {
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = length;
        try {
            while (left > 0) {
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            LOG.debug("A refused piece of an upload broke off while it was dropped", e);
        }
    }

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
