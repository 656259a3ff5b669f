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
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operating-system lock on a file of our own in the data folder, taken before H2 opens anything.
 * The OS drops it when the process dies, however it dies, so a crash never leaves a stale lock; and
 * because it is taken first, a second window is refused before it can touch the database files.
 *
 * <p>The file also tells whether the books were closed: it names the process that holds them while they
 * are open and is emptied when they are closed. A file that still names a process when the lock is taken
 * was left by one that stopped without closing the books (a crash, a kill, a power cut). While the books
 * are open it also holds how many writes they have saved ({@link #recordSaved}), so that the next start
 * can tell whether the database came back without some of them (ADR 0042).
 */
final class StoreLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private static final String HOLDER = "pid ";
    private static final String SAVED = "saved ";
    /** Wide enough for any count, so that each one overwrites the last in place. */
    private static final int SAVED_DIGITS = 19;
    /** Longer than tidying takes (ADR 0047 tidies books of at most 256 MB in use). */
    static final Duration TIDYING_WAIT = Duration.ofMinutes(2);
    private static final Duration TIDYING_POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean leftOpen;
    private final OptionalLong savedBefore;
    private final long savedAt;

    private StoreLock(FileChannel channel, FileLock lock, boolean leftOpen, OptionalLong savedBefore, long savedAt) {
        this.channel = channel;
        this.lock = lock;
        this.leftOpen = leftOpen;
        this.savedBefore = savedBefore;
        this.savedAt = savedAt;
    }

    static StoreLock acquire(DataDirectory directory) {
        return acquire(directory, stage -> { }, TIDYING_WAIT);
    }

    /**
     * Takes the lock; while the BooksFlow that holds it tidies the books after closing them (ADR 0047), waits up
     * to {@code tidyingWait} for it to finish, telling {@code stages} so, instead of refusing at once.
     */
    static StoreLock acquire(DataDirectory directory, Consumer<String> stages, Duration tidyingWait) {
        long deadline = System.nanoTime() + tidyingWait.toNanos();
        boolean told = false;
        while (true) {
            try {
                StoreLock lock = tryAcquire(directory);
                clearTidyingMark(directory);
                return lock;
            } catch (StoreLockedException e) {
                if (!Files.exists(directory.tidyingMark()) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    stages.accept("BooksFlow is tidying these books after closing them; they open when it is done.");
                    told = true;
                }
                sleep(TIDYING_POLL);
            }
        }
    }

    /** A mark left by a BooksFlow that stopped while tidying: nobody tidies now that the lock is ours. */
    private static void clearTidyingMark(DataDirectory directory) {
        try {
            Files.deleteIfExists(directory.tidyingMark());
        } catch (IOException e) {
            // Left, it only makes a start that finds the books open wait before it says so.
            log.warn("Could not remove {}", directory.tidyingMark(), e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the books", e);
        }
    }

    private static StoreLock tryAcquire(DataDirectory directory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory.root());
            channel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreLockedException(directory.root(), null);
            }
            String before = previousContent(channel);
            boolean leftOpen = before.startsWith(HOLDER);
            OptionalLong savedBefore = leftOpen ? savedIn(before) : OptionalLong.empty();
            // For people who look into the folder, and for the next start: which process holds it. The count
            // the last holder recorded stays until this one saves a write, so that a start cut short before
            // telling the user of writes lost leaves the next start to tell them.
            byte[] holder = (HOLDER + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder), 0);
            if (savedBefore.isPresent()) {
                channel.write(savedLine(savedBefore.getAsLong()), holder.length);
            }
            channel.force(false);
            return new StoreLock(channel, lock, leftOpen, savedBefore, holder.length);
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

    private static String previousContent(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(content, 0);
        return new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
    }

    /** The count of saved writes the file holds; none when it holds none, or one cut off or unreadable. */
    private static OptionalLong savedIn(String content) {
        return content.lines().filter(line -> line.startsWith(SAVED)).findFirst().map(line -> line.substring(SAVED.length()))
                .filter(digits -> digits.length() == SAVED_DIGITS && digits.chars().allMatch(Character::isDigit))
                .map(digits -> OptionalLong.of(Long.parseLong(digits))).orElse(OptionalLong.empty());
    }

    /** Whether the process that held the books before stopped without closing them. */
    boolean leftOpenBefore() {
        return leftOpen;
    }

    /**
     * How many writes the books had saved when the process that held them before stopped without closing
     * them, as that process recorded after each one reached the database file; empty when the books were
     * closed properly or that process recorded none.
     */
    OptionalLong savedBefore() {
        return savedBefore;
    }

    /**
     * Records that the books have now saved this many writes: called after a write has reached the database
     * file. Written in place without waiting for the disk, as the database's own writes are: a killed
     * process's writes are in the operating system's hands. After a power cut either may have reached the
     * disk without the other; a count above the books' then still means writes reported saved that the
     * books do not hold.
     */
    void recordSaved(long saved) throws IOException {
        channel.write(savedLine(saved), savedAt);
    }

    /**
     * Other books have taken the place of those the recorded count was of (a safety copy put back, books set
     * aside for new ones): the count is dropped, the mark of an unclean stop stays.
     */
    void booksReplaced() throws IOException {
        channel.truncate(savedAt);
        channel.force(false);
    }

    private static ByteBuffer savedLine(long saved) {
        return ByteBuffer.wrap((SAVED + String.format("%0" + SAVED_DIGITS + "d", saved) + "\n")
                .getBytes(StandardCharsets.UTF_8));
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
