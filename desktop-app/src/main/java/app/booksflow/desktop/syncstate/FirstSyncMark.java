package app.booksflow.desktop.syncstate;

import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file beside the books that says a first sync into them is under way (ADR 0049), and holds what new books
 * need to begin it again: the account they sync with and the practice's name. Written, and on the disk, before
 * the first page is; removed once the books have written the whole sync to the disk. Outside the database on
 * purpose: it must tell the truth about books that a crash may have left in a state no commit made.
 *
 * @param account the server, user and device of the books
 * @param practiceName the practice's name as the books hold it
 */
public record FirstSyncMark(SyncAccount account, String practiceName) {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSyncMark.class);
    private static final String FILE = "first-sync";

    public FirstSyncMark {
        if (account == null || practiceName == null || practiceName.isBlank()) {
            throw new IllegalArgumentException("A first sync's mark needs the account and the practice's name.");
        }
    }

    public static Path file(DataDirectory directory) {
        return directory.root().resolve(FILE);
    }

    public static boolean exists(DataDirectory directory) {
        return Files.exists(file(directory));
    }

    /**
     * The mark in the data folder; empty when there is none, or when it cannot be read or does not hold a whole
     * account (logged): the books' own account is the one to use then.
     */
    public static Optional<FirstSyncMark> read(DataDirectory directory) {
        Path file = file(directory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            return Optional.of(new FirstSyncMark(new SyncAccount(values.getProperty("server"), values.getProperty("email"),
                    new UserId(uuid(values, "user")), new OrganizationId(uuid(values, "organization")),
                    new DeviceId(uuid(values, "device")), Instant.parse(required(values, "signedInAt"))),
                    values.getProperty("practice")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The mark of a first sync in {} cannot be read: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static UUID uuid(Properties values, String key) {
        return UUID.fromString(required(values, key));
    }

    private static String required(Properties values, String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    /** Writes the mark and waits for the disk to have it, replacing one there: whole or not at all. */
    public void write(DataDirectory directory) {
        Properties values = new Properties();
        values.setProperty("server", account.serverUrl());
        values.setProperty("email", account.email());
        values.setProperty("user", account.user().value().toString());
        values.setProperty("organization", account.organization().value().toString());
        values.setProperty("device", account.device().value().toString());
        values.setProperty("signedInAt", account.signedInAt().toString());
        values.setProperty("practice", practiceName);
        Path file = file(directory);
        Path part = file.resolveSibling(FILE + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                values.store(out, "A first sync into these books is under way; see ADR 0049. Removed when it is done.");
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The mark of a first sync cannot be written to " + file, e);
        }
    }

    /** Removes the mark: the books have the first sync on the disk. */
    public static void clear(DataDirectory directory) {
        try {
            Files.deleteIfExists(file(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("The mark of a first sync in " + file(directory) + " cannot be removed", e);
        }
    }
}
