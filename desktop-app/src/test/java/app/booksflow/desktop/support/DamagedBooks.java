package app.booksflow.desktop.support;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.WholeBooks;
import app.booksflow.server.support.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;

/**
 * Damages closed books' file the way a disk, or H2 after an abrupt stop, can: noise over part of it. H2 then
 * either refuses to open the books at all, or opens them and fails reading a table ("Unable to read the page").
 */
public final class DamagedBooks {

    private DamagedBooks() {
    }

    /**
     * Noise over the whole file: H2 no longer opens it. (Noise over part of it is not enough to be sure: H2 may
     * then open the last version it can still read, which can be an older one.)
     */
    public static void soTheyDoNotOpen(DataDirectory directory) {
        overwrite(directory.databaseFile(), 0, (int) size(directory));
    }

    /**
     * Noise over 16 KiB of table pages, so that the books open but a table cannot be read whole: tries places
     * in the file on a copy until one does that, then damages the books there.
     *
     * @return the reason H2 gives when the books are read
     */
    public static String soTheyOpenButDoNotReadWhole(DataDirectory directory) {
        long size = size(directory);
        Path trials = directory.root().resolveSibling(directory.root().getFileName() + "-damage-trials");
        try {
            for (int percent = 5; percent <= 95; percent++) {
                Path trial = trials.resolve(percent + ".mv.db");
                Files.createDirectories(trials);
                Files.copy(directory.databaseFile(), trial, StandardCopyOption.REPLACE_EXISTING);
                long at = size * percent / 100;
                overwrite(trial, at, 16 * 1024);
                String url = "jdbc:h2:file:" + trials.resolve(Integer.toString(percent));
                try (Connection connection = DriverManager.getConnection(url, "booksflow", "")) {
                    WholeBooks.readEveryRow(connection);
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("could not be read")) {
                        overwrite(directory.databaseFile(), at, 16 * 1024);
                        return e.getMessage();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.delete(trials);
        }
        throw new IllegalStateException("No place in " + directory.databaseFile() + " leaves books that open but do not read");
    }

    private static long size(DataDirectory directory) {
        try {
            return Files.size(directory.databaseFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void overwrite(Path file, long at, int length) {
        byte[] noise = new byte[length];
        new Random(7).nextBytes(noise);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(noise), at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
