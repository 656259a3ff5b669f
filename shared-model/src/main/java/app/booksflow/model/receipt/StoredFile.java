package app.booksflow.model.receipt;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;

/** A receipt's file, stored once by content hash; the original name is kept for people. */
public record StoredFile(Sha256 sha256, String originalName, ReceiptMediaType mediaType, long size) {

    public StoredFile {
        Checks.required(sha256, "The file hash");
        originalName = Checks.requiredText(originalName, "The file name", 255);
        Checks.required(mediaType, "The file type");
        if (size <= 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "The file " + originalName + " is empty.");
        }
    }
}
