package app.booksflow.desktop.store;

/**
 * The books were updated by a newer version of BooksFlow: this version does not know their format and
 * leaves them as they are, rather than read them wrongly or write rows the newer version does not expect.
 */
public final class NewerBooksException extends RuntimeException {

    private final String booksVersion;
    private final String appVersion;

    NewerBooksException(String booksVersion, String appVersion) {
        super("These books were updated by a newer version of BooksFlow (their format is " + booksVersion
                + "; this version reads up to " + appVersion + "). Install that version or a later one to open "
                + "them; nothing in them was changed.");
        this.booksVersion = booksVersion;
        this.appVersion = appVersion;
    }

    /** The newest schema version the books hold. */
    public String booksVersion() {
        return booksVersion;
    }

    /** The newest schema version this build ships. */
    public String appVersion() {
        return appVersion;
    }
}
