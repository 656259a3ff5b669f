package app.booksflow.desktop.settings;

/**
 * Who is at the keyboard, as the audit trail names them: the operating system's account name until
 * users sign in to a sync server.
 */
public final class LocalUser {

    private LocalUser() {
    }

    public static String name() {
        String name = System.getProperty("user.name", "").strip();
        return name.isEmpty() ? "local user" : name;
    }
}
