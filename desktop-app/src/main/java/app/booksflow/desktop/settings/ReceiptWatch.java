package app.booksflow.desktop.settings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * A folder whose new receipt files are imported for one client as they arrive.
 *
 * @param client the client's id (the books hold the client itself)
 */
public record ReceiptWatch(Path folder, UUID client) {

    public ReceiptWatch {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(client, "client");
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("The watch folder must be an absolute path: " + folder);
        }
    }
}
