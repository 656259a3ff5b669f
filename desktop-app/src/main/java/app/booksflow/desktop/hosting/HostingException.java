package app.booksflow.desktop.hosting;

/** Why this computer cannot host the practice's server, in words for the accountant (port in use, folder in use...). */
public final class HostingException extends RuntimeException {

    public HostingException(String message) {
        super(message);
    }

    public HostingException(String message, Throwable cause) {
        super(message, cause);
    }
}
