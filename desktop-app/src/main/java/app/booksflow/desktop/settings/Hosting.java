package app.booksflow.desktop.settings;

/**
 * This computer hosts the practice's sync server on the port, and starts it again at each start of the app.
 */
public record Hosting(int port) {

    public Hosting {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535");
        }
    }
}
