package app.booksflow.desktop.sync.faults;

/** When a duplicated request is replayed on its own upstream connection (its response is discarded). */
public enum Duplicate {
    NONE,
    /** As soon as the original has been forwarded, so both race at the server. */
    CONCURRENT,
    /** Once the original's response has reached the client, like a retry whose answer was lost. */
    AFTER_RESPONSE
}
