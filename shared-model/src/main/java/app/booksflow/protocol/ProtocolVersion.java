package app.booksflow.protocol;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;

/**
 * The version of the sync protocol. Every request carries it (in the body, or for GET requests in the
 * {@value #HEADER} header). Within a version, fields are only ever added and unknown fields are
 * ignored, so an older desktop and a newer server still understand each other; a new version is only
 * needed when a field changes meaning.
 */
public final class ProtocolVersion {

    public static final int CURRENT = 1;
    public static final int OLDEST_SUPPORTED = 1;
    public static final String HEADER = "BooksFlow-Schema-Version";
    /** Optional on a watch: which device asks, so that the server can report each device's sync lag. */
    public static final String DEVICE_HEADER = "BooksFlow-Device";

    private ProtocolVersion() {
    }

    public static int requireSupported(int version) {
        if (version < OLDEST_SUPPORTED || version > CURRENT) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "This peer speaks sync protocol versions "
                    + OLDEST_SUPPORTED + " to " + CURRENT + ", not " + version + ". Update the older side.");
        }
        return version;
    }
}
