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
 */
final class StoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
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
            // For people who look into the folder: which process holds it.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(channel, lock);
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

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing; the original error is the one to report.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }
}
