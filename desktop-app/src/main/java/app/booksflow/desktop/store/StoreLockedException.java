package app.booksflow.desktop.store;

import java.nio.file.Path;

/** Another window (this process or another) already works on the data folder. */
public final class StoreLockedException extends RuntimeException {

    private final Path dataDirectory;

    public StoreLockedException(Path dataDirectory, Throwable cause) {
        super("BooksFlow is already open on this data folder (" + dataDirectory + "); close the other window first.",
                cause);
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
