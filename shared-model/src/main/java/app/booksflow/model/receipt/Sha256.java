package app.booksflow.model.receipt;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The SHA-256 of a file's content, as 64 lowercase hex digits: how receipt files are stored and shared. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null) {
            throw new DomainException(DomainError.REQUIRED, "A SHA-256 hash is required.");
        }
        hex = hex.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) {
            throw new DomainException(DomainError.INVALID_FORMAT, "'" + hex + "' is not a SHA-256 hash (64 hex digits).");
        }
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
