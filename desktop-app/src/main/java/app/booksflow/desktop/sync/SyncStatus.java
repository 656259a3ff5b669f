package app.booksflow.desktop.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What the status bar shows about sync; {@code receiving} while a pull of many changes is under way;
 * {@code notice} the last thing the engine repaired by itself (a client read again after its checksum
 * differed from the server's); {@code sending} while a receipt's file goes up.
 */
public record SyncStatus(State state, long pendingChanges, long inboxItems, Optional<Instant> lastSync,
        Optional<String> lastError, Optional<Progress> receiving, Optional<String> notice, Optional<Sending> sending) {

    /** Changes received so far of those the server said were waiting. */
    public record Progress(long received, long waiting) {
    }

    /** A receipt's file on its way to the server: bytes the server has of it so far. */
    public record Sending(String file, long sent, long size) {
    }

    public SyncStatus(State state, long pendingChanges, long inboxItems, Optional<Instant> lastSync,
            Optional<String> lastError, Optional<Progress> receiving, Optional<String> notice) {
        this(state, pendingChanges, inboxItems, lastSync, lastError, receiving, notice, Optional.empty());
    }

    public SyncStatus(State state, long pendingChanges, long inboxItems, Optional<Instant> lastSync,
            Optional<String> lastError) {
        this(state, pendingChanges, inboxItems, lastSync, lastError, Optional.empty(), Optional.empty());
    }

    public SyncStatus(State state, long pendingChanges, long inboxItems, Optional<Instant> lastSync,
            Optional<String> lastError, Optional<Progress> receiving) {
        this(state, pendingChanges, inboxItems, lastSync, lastError, receiving, Optional.empty());
    }

    public enum State {
        /** These books have never been signed in to a server. */
        NOT_SIGNED_IN,
        /** Talking to the server right now. */
        SYNCING,
        /** Up to date with the server, waiting for changes. */
        ONLINE,
        /** The server cannot be reached; changes wait in the outbox. */
        OFFLINE,
        /** The server no longer accepts the sign-in. */
        SIGNED_OUT
    }

    public static SyncStatus notSignedIn() {
        return new SyncStatus(State.NOT_SIGNED_IN, 0, 0, Optional.empty(), Optional.empty());
    }
}
