package app.booksflow.desktop.ledger;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Receipt files, stored once by content: {@code receipts/ab/cd/<sha256>}. A file is copied to
 * {@code receipts/tmp} while its hash is computed, then renamed into place, so a half-written copy
 * never sits under a hash. The accountant's original is only read, never moved or changed.
 */
public final class ReceiptFiles {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] TIFF_LITTLE = {'I', 'I', '*', 0};
    private static final byte[] TIFF_BIG = {'M', 'M', 0, '*'};

    /** Phone photos and scanned PDFs stay well below this; anything larger is most likely the wrong file. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;

    private final Path root;

    public ReceiptFiles(Path root) {
        this.root = root;
    }

    public Path path(Sha256 hash) {
        String hex = hash.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** Copies the file into the store (once per content) and describes it. */
    public StoredFile store(Path source) {
        try {
            if (Files.isDirectory(source)) {
                throw new DomainException(DomainError.INVALID_FORMAT, source.getFileName()
                        + " is a folder; attach the receipt files inside it.");
            }
            refuseIfTooLarge(source, Files.size(source));
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            Path copy = Files.createTempFile(tmp, "receipt-", ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] head = new byte[8];
                long size;
                try (InputStream in = Files.newInputStream(source);
                        OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), digest)) {
                    int headLength = in.readNBytes(head, 0, head.length);
                    out.write(head, 0, headLength);
                    size = headLength + in.transferTo(out);
                }
                refuseIfTooLarge(source, size);
                if (size == 0) {
                    throw new DomainException(DomainError.OUT_OF_RANGE, "The file " + source.getFileName() + " is empty.");
                }
                StoredFile file = new StoredFile(Sha256.of(digest.digest()), source.getFileName().toString(),
                        sniff(head, source), size);
                moveIntoPlace(copy, path(file.sha256()));
                return file;
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the receipt " + source, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Whether the file of this content is on this device. */
    public boolean has(Sha256 hash) {
        return Files.isRegularFile(path(hash));
    }

    /**
     * Stores content that came from elsewhere (the server) under the hash it must have: streamed to
     * {@code receipts/tmp} while hashed, never whole in memory, and moved into place only when its
     * SHA-256 and size are the expected ones. Anything else is refused and nothing is stored.
     *
     * @throws IOException when reading the content fails (the connection broke); nothing is stored
     * @throws DomainException when the content is not the expected file (damaged or changed on the way)
     */
    public Path storeVerified(StoredFile expected, InputStream content) throws IOException {
        Path target = path(expected.sha256());
        Path copy = temp("download-");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), digest)) {
                for (int n = readFrom(content, buffer); n >= 0; n = readFrom(content, buffer)) {
                    size += n;
                    if (size > expected.size()) {
                        break; // more than the receipt's file: refused below, the rest is not read
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size != expected.size() || !Sha256.of(digest.digest()).equals(expected.sha256())) {
                throw new DomainException(DomainError.INVALID_FORMAT, "The copy of " + expected.originalName()
                        + " that came from the server is not the receipt's file (its SHA-256 differs); it was not kept.");
            }
            moveIntoPlace(copy, target);
            return target;
        } catch (ReadBroke e) {
            throw e.cause;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the receipt file " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Reading the content failed: the sender's connection, told apart from this device's disk. */
    private static final class ReadBroke extends IOException {
        final IOException cause;

        ReadBroke(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static int readFrom(InputStream content, byte[] buffer) throws ReadBroke {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new ReadBroke(e);
        }
    }

    private Path temp(String prefix) {
        try {
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            return Files.createTempFile(tmp, prefix, ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a file in the receipt store " + root, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in receipts/tmp is harmless and safe to delete by hand
        }
    }

    private static void refuseIfTooLarge(Path source, long size) {
        if (size > MAX_BYTES) {
            throw new DomainException(DomainError.OUT_OF_RANGE, String.format(Locale.ROOT,
                    "%s is %.1f MB; a receipt file can be at most %d MB.", source.getFileName(),
                    size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024)));
        }
    }

    private static void moveIntoPlace(Path copy, Path target) throws IOException {
        if (Files.exists(target)) {
            return; // the same content is already stored
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(copy, target);
            } catch (FileAlreadyExistsException alreadyThere) {
                // Stored concurrently: the same content, so nothing is lost.
            }
        } catch (FileAlreadyExistsException alreadyThere) {
            // As above.
        }
    }

    private static ReceiptMediaType sniff(byte[] head, Path source) {
        if (startsWith(head, JPEG)) {
            return ReceiptMediaType.JPEG;
        }
        if (startsWith(head, PNG)) {
            return ReceiptMediaType.PNG;
        }
        if (startsWith(head, PDF)) {
            return ReceiptMediaType.PDF;
        }
        if (startsWith(head, TIFF_LITTLE) || startsWith(head, TIFF_BIG)) {
            return ReceiptMediaType.TIFF;
        }
        throw new DomainException(DomainError.INVALID_FORMAT, source.getFileName()
                + " is not a receipt file; receipts are JPEG, PNG, TIFF or PDF files.");
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
