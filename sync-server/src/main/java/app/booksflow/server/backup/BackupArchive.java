package app.booksflow.server.backup;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.backup.Manifest.BlobEntry;
import app.booksflow.server.backup.Manifest.TableEntry;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup file opened for restoring. Opening checks all of it (the zip, the manifest, every file's
 * checksum) before anything touches a database, so that a damaged backup changes nothing.
 */
public final class BackupArchive implements AutoCloseable {

    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupArchive(Path path, ZipFile zip, Manifest manifest) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
    }

    public static BackupArchive open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BackupException("There is no backup file " + path + ".");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new BackupException(path + " is not a readable backup: it is damaged, cut short or not a zip file ("
                    + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup " + path + ": " + e.getMessage(), e);
        }
        try {
            BackupArchive archive = new BackupArchive(path, zip, readManifest(path, zip));
            archive.verify();
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    InputStream read(String file) throws IOException {
        ZipEntry entry = zip.getEntry(file);
        if (entry == null) {
            throw new BackupException(path + " is damaged: it lacks " + file + ".");
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static Manifest readManifest(Path path, ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.FILE);
        if (entry == null) {
            throw new BackupException(path + " is not a BooksFlow backup: it has no " + Manifest.FILE + ".");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BooksFlowJson.newMapper().readValue(in, Manifest.class);
        } catch (JacksonException e) {
            throw new BackupException(path + " is damaged: its " + Manifest.FILE + " cannot be read ("
                    + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new BackupException(path + " is damaged: " + e.getMessage(), e);
        }
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new BackupException(path + " is not a BooksFlow backup.");
        }
        if (manifest.formatVersion() < Manifest.OLDEST_READABLE || manifest.formatVersion() > Manifest.FORMAT_VERSION) {
            throw new BackupException(path + " has backup format " + manifest.formatVersion() + "; this server reads formats "
                    + Manifest.OLDEST_READABLE + " to " + Manifest.FORMAT_VERSION
                    + ". Restore it with the server version that made it.");
        }
        if (manifest.schemaVersion() == null || manifest.tables() == null || manifest.tables().isEmpty()
                || manifest.sequences() == null || manifest.blobs() == null
                || (manifest.formatVersion() >= 2 && manifest.standaloneSequences() == null)) {
            throw new BackupException(path + " is damaged: its " + Manifest.FILE + " is incomplete.");
        }
        return manifest;
    }

    private void verify() {
        for (TableEntry table : manifest.tables()) {
            verify(table.file(), table.sha256());
        }
        for (BlobEntry blob : manifest.blobs()) {
            verify(BlobFiles.PREFIX + blob.path(), blob.sha256());
        }
    }

    private void verify(String file, String expectedSha256) {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(read(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BackupException(path + " is damaged: " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (!Sha256.hex(digest).equals(expectedSha256)) {
            throw new BackupException(path + " is damaged: " + file + " does not match its checksum.");
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Only read from: nothing is lost.
        }
    }
}
