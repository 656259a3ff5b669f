package app.booksflow.desktop.receipts.imports;

/** Where one file of an import got to. Only QUEUED and READING are unfinished. */
public enum ImportFileState {
    /** Waiting to be read. */
    QUEUED,
    /** Being hashed, copied or read; back to QUEUED when the app restarts before it finished. */
    READING,
    /** A new receipt was made from it. */
    DONE,
    /** The client already has a receipt with the same content; nothing was added. */
    DUPLICATE,
    /** Not a readable receipt; the reason says why. */
    FAILED,
    /** The import was cancelled before the file was read. */
    CANCELLED;

    public boolean isFinished() {
        return this != QUEUED && this != READING;
    }
}
