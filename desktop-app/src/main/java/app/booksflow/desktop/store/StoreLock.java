package app.booksflow.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a file of our own in the data folder, taken before H2 opens anything.
 * The OS drops it when the process dies, however it dies, so a crash never leaves a stale lock; and
 * because it is taken first, a second window is refused before it can touch the database files.
 *
 * <p>The file also tells whether the books were closed: it names the process that holds them while they
 * are open and is emptied when they are closed. A file that still names a process when the lock is taken
 * was left by one that stopped without closing the books (a crash, a kill, a power cut).
 */
final class StoreLock implements AutoCloseable {

    private static final String HOLDER = "pid ";

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean leftOpen;

    private StoreLock(FileChannel channel, FileLock lock, boolean leftOpen) {
        this.channel = channel;
        this.lock = lock;
        this.leftOpen = leftOpen;
    }

    static StoreLock acquire(DataDirectory directory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory.root());
            channel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreLockedException(directory.root(), null);
            }
            boolean leftOpen = previousHolder(channel);
            // For people who look into the folder, and for the next start: which process holds it.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((HOLDER + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StoreLock(channel, lock, leftOpen);
        } catch (OverlappingFileLockException e) {
            // The same JVM holds it: another store is open on this folder in this process.
            closeQuietly(channel);
            throw new StoreLockedException(directory.root(), e);
        } catch (StoreLockedException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the data folder " + directory.root(), e);
        }
    }

    private static boolean previousHolder(FileChannel channel) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(HOLDER.length());
        channel.read(start, 0);
        return new String(start.array(), 0, start.position(), StandardCharsets.UTF_8).equals(HOLDER);
    }

    /** Whether the process that held the books before stopped without closing them. */
    boolean leftOpenBefore() {
        return leftOpen;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }

    /**
     * Releases the lock with the file saying what it said when the lock was taken: for an open that failed
     * before the books were used, whose start tells nothing about how they were closed.
     */
    @Override
    public void close() {
        close(!leftOpen);
    }

    /** @param booksClosed whether the books were closed properly: then the file is emptied first */
    void close(boolean booksClosed) {
        if (booksClosed) {
            try {
                channel.truncate(0);
                channel.force(false);
            } catch (IOException ignored) {
                // The next start then checks the books once more than needed; nothing is lost.
            }
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }
}
