package app.booksflow.model.receipt;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.util.Locale;

/** The file kinds a receipt may be. Anything else is refused at the door. */
public enum ReceiptMediaType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    TIFF("image/tiff"),
    PDF("application/pdf");

    private final String mimeType;

    ReceiptMediaType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    public static ReceiptMediaType ofMimeType(String mimeType) {
        String normalized = mimeType == null ? "" : mimeType.strip().toLowerCase(Locale.ROOT);
        for (ReceiptMediaType type : values()) {
            if (type.mimeType.equals(normalized)) {
                return type;
            }
        }
        throw new DomainException(DomainError.INVALID_FORMAT,
                "'" + mimeType + "' is not a receipt file type; receipts are JPEG, PNG, TIFF or PDF files.");
    }
}
