package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.receipt.Sha256;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A file known by its content: receipts travel and are stored under their SHA-256. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlobRef(Sha256 sha256, long size) {

    public BlobRef {
        Checks.required(sha256, "The file hash");
        if (size <= 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A file reference needs the file's size in bytes; got " + size + ".");
        }
    }
}
