package app.booksflow.desktop.ledger;

import app.booksflow.model.receipt.StoredFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a receipt's file comes from when it is not on this device (a receipt synced from another
 * device, never opened here): the sync server, through the signed-in engine. Screens use this seam and
 * know nothing of HTTP. Slow (network): call it from a background task.
 */
@FunctionalInterface
public interface ReceiptFileSource {

    /**
     * Brings the file to this device, verified against its SHA-256, and says where it is now.
     *
     * @throws Unavailable when it cannot be had now; the message says why, for the accountant
     */
    Path fetch(StoredFile file);

    /** No server to fetch from: books that are not signed in. */
    static ReceiptFileSource none() {
        return file -> {
            throw new Unavailable(Reason.NOT_SIGNED_IN, "The file is not on this device. Sign in to the practice's "
                    + "server (Settings, Sync) to fetch it from there.");
        };
    }

    /** Why a file could not be fetched. */
    enum Reason {
        /** The server cannot be reached now: it will be fetched when online. */
        OFFLINE,
        /** The books are not signed in to a server (or the sign-in expired). */
        NOT_SIGNED_IN,
        /** The server does not have the file, or does not let this user read it. */
        NOT_ON_SERVER,
        /** What came was not the file (wrong hash or size): refused, nothing kept. */
        DAMAGED,
        /** Anything else the server said. */
        FAILED
    }

    /** The file could not be fetched; the message is written for the accountant. */
    final class Unavailable extends RuntimeException {

        private final Reason reason;

        public Unavailable(Reason reason, String message) {
            super(Objects.requireNonNull(message));
            this.reason = Objects.requireNonNull(reason);
        }

        public Reason reason() {
            return reason;
        }
    }
}
