package app.booksflow.desktop.sync.faults;

/** How a cut connection ends for both of its peers. */
public enum Cut {
    /** An orderly close: the peer reads the end of the stream. */
    CLOSE,
    /** SO_LINGER 0 then close: the peer gets a connection reset, and unsent bytes are dropped. */
    RESET
}
