package app.booksflow.desktop.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The server's sign-in token, kept in a file beside the books that only the user can read (mode 600 on
 * Linux and macOS; on Windows the file inherits the user profile's permissions). Not in the database,
 * so a copy of the books carries no sign-in. No password is ever stored. Decision 28 says why not the
 * OS credential store.
 */
public final class TokenStore {

    private final Path file;

    public TokenStore(Path folder) {
        this.file = folder.resolve("sync-token");
    }

    public Optional<String> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new UncheckedIOException("The sign-in token in " + file + " cannot be read", e);
        }
    }

    public void save(String token) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("sync-token.tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, token, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The sign-in token cannot be written to " + file, e);
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The sign-in token in " + file + " cannot be removed", e);
        }
    }

    Path file() {
        return file;
    }
}
