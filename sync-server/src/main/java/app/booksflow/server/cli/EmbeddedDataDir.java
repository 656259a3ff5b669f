package app.booksflow.server.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Whether the embedded PostgreSQL of a data directory is up (run by a server, or by another command) and
 * on which port. Two PostgreSQL servers cannot share a data directory, so a command that finds one
 * running connects to it instead of starting its own.
 */
final class EmbeddedDataDir {

    /** zonky's EmbeddedPostgres holds this file locked from just before PostgreSQL starts until it has stopped. */
    private static final String LOCK_FILE = "epg-lock";
    /** PostgreSQL's own lock file: line 4 is the port it listens on. */
    private static final String PID_FILE = "postmaster.pid";

    private EmbeddedDataDir() {
    }

    static Optional<Integer> runningPort(Path directory) {
        if (!Files.isRegularFile(directory.resolve("postgresql.conf")) || !isLocked(directory.resolve(LOCK_FILE))) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(directory.resolve(PID_FILE));
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | RuntimeException e) {
            throw new CliException("The embedded PostgreSQL in " + directory
                    + " is starting or stopping; try again in a moment.", e);
        }
    }

    private static boolean isLocked(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process: a server started in the same JVM
        } catch (IOException e) {
            return true; // Windows refuses to open a file another process has locked
        }
    }
}
